/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizebilinear;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Integer RESIZE_BILINEAR (TFLite's ResizeBilinearInteger): per output row {@code y} the input rows
 * {@code y0[y]}, {@code y1[y]} and the Q10 distance {@code dy[y]} of the source position from row
 * {@code y0}; likewise per column. Each output is the sum of the four weighted neighbours in Q20, rounded
 * half away from zero.
 */
public record ResizeBilinearParams(int batches, int inHeight, int inWidth, int depth,
                                   int[] y0, int[] y1, int[] dy, int[] x0, int[] x1, int[] dx)
        implements OperatorParams {

    @Override
    public long macs() {
        return 4L * batches * y0.length * x0.length * depth;
    }
}
