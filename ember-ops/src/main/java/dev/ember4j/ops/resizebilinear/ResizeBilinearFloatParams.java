/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizebilinear;

import dev.ember4j.core.ops.OperatorParams;

/**
 * float32 RESIZE_BILINEAR of an NHWC input: the float scales of both axes, half-pixel centers or not, and
 * per output row and column the lower and upper source indices (computed at prepare as TFLite's
 * ComputeInterpolationValues does; the kernel recomputes the float source position, as TFLite's loop
 * does, with {@link ResizeBilinearFloatKernel#position}).
 */
public record ResizeBilinearFloatParams(int batches, int inHeight, int inWidth, int depth, float heightScale,
                                        float widthScale, boolean halfPixel, int[] y0, int[] y1, int[] x0,
                                        int[] x1) implements OperatorParams {

    @Override
    public long macs() {
        return 4L * batches * y0.length * x0.length * depth;
    }
}
