/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizenearestneighbor;

import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/**
 * Shape checks shared by RESIZE_NEAREST_NEIGHBOR and RESIZE_BILINEAR: a 4-D NHWC input, a constant
 * int32 size tensor of two positive entries (new height, new width) and an output of shape
 * {@code [N, height, width, C]}.
 *
 * @param shape the input shape {@code [N, H, W, C]}
 * @param outHeight new height
 * @param outWidth new width
 */
public record ResizeShape(int[] shape, int outHeight, int outWidth) {

    /** Largest spatial size accepted: keeps TFLite's int32 index arithmetic (size * 1024 * index) exact. */
    public static final int MAX_SIZE = 1 << 15;

    public static ResizeShape of(OpContext ctx, TensorDef in, TensorDef sizeTensor, TensorDef out) {
        ctx.requireRank(in, 4, "input");
        ctx.requireRank(sizeTensor, 1, "size");
        if (!ctx.isConstant(sizeTensor)) {
            throw ctx.unsupported("size " + sizeTensor.label()
                    + " is computed at run time; only a constant size is supported");
        }
        int[] size = ctx.int32Constant(sizeTensor, "size");
        if (size.length != 2) {
            throw ctx.error("size " + sizeTensor.label() + " has " + size.length + " entries, expected 2");
        }
        if (size[0] <= 0 || size[1] <= 0) {
            throw ctx.error("size " + java.util.Arrays.toString(size) + " must be positive");
        }
        int[] s = in.shape();
        if (s[1] > MAX_SIZE || s[2] > MAX_SIZE || size[0] > MAX_SIZE || size[1] > MAX_SIZE) {
            throw ctx.unsupported("input " + in.shapeString() + " or size " + java.util.Arrays.toString(size)
                    + " exceeds " + MAX_SIZE + " rows or columns");
        }
        ctx.requireShape(out, new int[] {s[0], size[0], size[1], s[3]}, "output");
        return new ResizeShape(s, size[0], size[1]);
    }
}
