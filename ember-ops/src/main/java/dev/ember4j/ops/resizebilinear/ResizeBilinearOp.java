/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizebilinear;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.resizenearestneighbor.ResizeShape;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * RESIZE_BILINEAR of an int8 or float32 NHWC tensor to a constant size (align_corners, half_pixel_centers); int8 on
 * TFLite's integer reference path. Like TFLite, the values are interpolated as stored: the input's
 * quantization is not converted to the output's.
 */
public final class ResizeBilinearOp implements OperatorSpec {
    private static final int OPTIONS = 15; // BuiltinOptions.ResizeBilinearOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.RESIZE_BILINEAR;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "ResizeBilinearOptions");
        // fields 0 and 1 are the deprecated new_height / new_width
        boolean alignCorners = OpContext.bool(o, 2, false);
        boolean halfPixel = OpContext.bool(o, 3, false);
        if (alignCorners && halfPixel) {
            throw ctx.error("align_corners and half_pixel_centers are both set");
        }
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        if (FloatTensors.isFloat(ctx)) {
            FloatTensors.require(ctx, out, "output");
            ResizeShape s = ResizeShape.of(ctx, in, ctx.input(1), out);
            int[] shape = s.shape();
            float hs = floatScale(shape[1], s.outHeight(), alignCorners);
            float ws = floatScale(shape[2], s.outWidth(), alignCorners);
            int[][] rows = floatAxis(shape[1], s.outHeight(), hs, halfPixel);
            int[][] cols = floatAxis(shape[2], s.outWidth(), ws, halfPixel);
            return Prepared.of(new ResizeBilinearFloatParams(shape[0], shape[1], shape[2], shape[3], hs, ws,
                    halfPixel, rows[0], rows[1], cols[0], cols[1]), ResizeBilinearFloatKernel.KERNEL, 0);
        }
        ctx.requireType(in, TensorType.INT8, "input");
        if (out.type() != TensorType.INT8) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", the input has INT8");
        }
        ResizeShape s = ResizeShape.of(ctx, in, ctx.input(1), out);
        int[] shape = s.shape();
        int[][] rows = axis(shape[1], s.outHeight(), alignCorners, halfPixel);
        int[][] cols = axis(shape[2], s.outWidth(), alignCorners, halfPixel);
        return Prepared.of(new ResizeBilinearParams(shape[0], shape[1], shape[2], shape[3],
                rows[0], rows[1], rows[2], cols[0], cols[1], cols[2]), ResizeBilinearKernel.KERNEL, 0);
    }

    /** The float scale of one axis: {@code in/out}, or {@code (in-1)/(out-1)} when aligning corners, divided in float. */
    static float floatScale(int inSize, int outSize, boolean alignCorners) {
        if (alignCorners && outSize > 1) {
            return (float) (inSize - 1) / (outSize - 1);
        }
        return (float) inSize / outSize;
    }

    /** {lower, upper} source indices of every output index: max(floor, 0) and min(ceil, in - 1). */
    static int[][] floatAxis(int inSize, int outSize, float scale, boolean halfPixel) {
        int[] lo = new int[outSize];
        int[] hi = new int[outSize];
        for (int i = 0; i < outSize; i++) {
            float v = ResizeBilinearFloatKernel.position(i, scale, halfPixel);
            lo[i] = Math.max((int) (float) Math.floor(v), 0);
            hi[i] = Math.min((int) (float) Math.ceil(v), inSize - 1);
        }
        return new int[][] {lo, hi};
    }

    /** Q10 scale of one axis (rounded integer division, as ResizeBilinearInteger). */
    static int scale10(int inSize, int outSize, boolean alignCorners) {
        if (alignCorners && outSize > 1) {
            return ((1 << 10) * (inSize - 1) + (outSize - 1) / 2) / (outSize - 1);
        }
        return ((1 << 10) * inSize + outSize / 2) / outSize;
    }

    /** {lower index, upper index, Q10 distance from the lower index} of every output index. */
    static int[][] axis(int inSize, int outSize, boolean alignCorners, boolean halfPixel) {
        int scale = scale10(inSize, outSize, alignCorners);
        int[] lo = new int[outSize];
        int[] hi = new int[outSize];
        int[] d = new int[outSize];
        for (int i = 0; i < outSize; i++) {
            int pos = halfPixel ? i * scale + scale / 2 - (1 << 9) : i * scale;
            lo[i] = Math.max(pos / (1 << 10), 0); // truncating division, as in C
            hi[i] = Math.min((pos + (1 << 10) - 1) / (1 << 10), inSize - 1);
            d[i] = pos - (1 << 10) * lo[i];
        }
        return new int[][] {lo, hi, d};
    }
}
