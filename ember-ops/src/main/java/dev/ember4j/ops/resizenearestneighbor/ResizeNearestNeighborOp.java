/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizenearestneighbor;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * RESIZE_NEAREST_NEIGHBOR of an NHWC tensor to a constant size, with TFLite's align_corners and
 * half_pixel_centers. Elements are copied, so int8, uint8, int16 and float32 all run (quantization
 * passes through unchanged, as in TFLite).
 */
public final class ResizeNearestNeighborOp implements OperatorSpec {
    private static final int OPTIONS = 74; // BuiltinOptions.ResizeNearestNeighborOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.RESIZE_NEAREST_NEIGHBOR;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "ResizeNearestNeighborOptions");
        boolean alignCorners = OpContext.bool(o, 0, false);
        boolean halfPixel = OpContext.bool(o, 1, false);
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        TensorType t = in.type();
        if (t != TensorType.INT8 && t != TensorType.UINT8 && t != TensorType.INT16 && t != TensorType.FLOAT32) {
            throw ctx.unsupported("input " + in.label() + " has type " + t + ", supported: INT8, UINT8, INT16, FLOAT32");
        }
        if (out.type() != t) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", the input has " + t);
        }
        ResizeShape s = ResizeShape.of(ctx, in, ctx.input(1), out);
        int[] shape = s.shape();
        int[] rows = indices(shape[1], s.outHeight(), alignCorners, halfPixel);
        int[] cols = indices(shape[2], s.outWidth(), alignCorners, halfPixel);
        return Prepared.of(new ResizeNearestNeighborParams(shape[0], shape[1], shape[2], shape[3] * t.bytes(),
                rows, cols), ResizeNearestNeighborKernel.KERNEL, 0);
    }

    /** The source index of every output index along one axis. */
    static int[] indices(int inSize, int outSize, boolean alignCorners, boolean halfPixel) {
        int[] idx = new int[outSize];
        for (int i = 0; i < outSize; i++) {
            idx[i] = nearest(i, inSize, outSize, alignCorners, halfPixel);
        }
        return idx;
    }

    /** TFLite's GetNearestNeighbor: the scale and the source position are computed in float. */
    static int nearest(int out, int inSize, int outSize, boolean alignCorners, boolean halfPixel) {
        float scale = alignCorners && outSize > 1
                ? (inSize - 1) / (float) (outSize - 1)
                : inSize / (float) outSize;
        float offset = halfPixel ? 0.5f : 0.0f;
        float pos = (out + offset) * scale;
        int v = alignCorners ? (int) roundHalfAway(pos) : (int) (float) Math.floor(pos);
        v = Math.min(v, inSize - 1);
        if (halfPixel) {
            v = Math.max(0, v);
        }
        return v;
    }

    /** std::round on a float: half away from zero. */
    private static float roundHalfAway(float x) {
        float a = Math.abs(x);
        float r = (float) Math.floor(a);
        if (a - r >= 0.5f) {
            r += 1f;
        }
        return Math.copySign(r, x);
    }
}
