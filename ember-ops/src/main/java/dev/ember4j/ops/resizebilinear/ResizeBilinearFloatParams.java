/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizebilinear;

import dev.ember4j.core.ops.OperatorParams;

/**
 * float32 RESIZE_BILINEAR of an NHWC input: per output row and column the scaled float source position
 * ({@code ys}, {@code xs}) and its lower and upper source indices, computed at prepare as TFLite's
 * ComputeInterpolationValues does.
 */
public record ResizeBilinearFloatParams(int batches, int inHeight, int inWidth, int depth,
                                        float[] ys, int[] y0, int[] y1, float[] xs, int[] x0, int[] x1)
        implements OperatorParams {

    @Override
    public long macs() {
        return 4L * batches * y0.length * x0.length * depth;
    }
}
