/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

import java.util.Arrays;

/**
 * Shared by the int16 (16x8) LOGISTIC and TANH: TFLite's 256-entry table of sigmoid(i / 24) in unsigned
 * Q0.16 ({@code sigmoid_table_uint16}), TFLite's CheckedLog2, and the input rescaling its prepare forms (a
 * power-of-two input scale multiplies by {@code 3 << shift}; any other scale by a multiplier brought to
 * [16384, 32767] with a right shift, so that the table spans [-10.7, 10.7]).
 */
public final class Int16Sigmoid {
    private Int16Sigmoid() {}

    /** One int16 input and output of the same shape, per-tensor, zero points 0 (TFLite's int16 prepare). */
    public static TensorDef[] tensors(OpContext ctx, String op) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.INT16);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT16);
        if (!Arrays.equals(in.shape(), out.shape())) {
            throw ctx.error("output " + out.label() + " has shape " + out.shapeString() + ", the input "
                    + in.label() + " has " + in.shapeString());
        }
        if (in.quantization().perChannel() || out.quantization().perChannel()) {
            throw ctx.unsupported("per-channel quantized activations are not supported");
        }
        if (ctx.zeroPoint(in) != 0 || ctx.zeroPoint(out) != 0) {
            throw ctx.unsupported("int16 " + op + " needs zero points 0 (16x8), has " + ctx.zeroPoint(in) + " and "
                    + ctx.zeroPoint(out));
        }
        int[] outLog2 = checkedLog2(ctx.scale(out));
        if (outLog2 == null || outLog2[0] != -15) {
            throw ctx.unsupported("int16 " + op + " needs the output scale 2^-15, output " + out.label()
                    + " has " + ctx.scale(out));
        }
        return new TensorDef[] {in, out};
    }

    /**
     * {multiplier, rightShift} applied to every input as {@code (x * multiplier + round) >> rightShift},
     * formed as TFLite's prepare does. {@code maxPotShift} is the largest left shift the power-of-two path
     * accepts (0 for LOGISTIC, 1 for TANH).
     */
    public static int[] inputRescale(OpContext ctx, TensorDef in, String op, int maxPotShift) {
        float scale = ctx.scale(in);
        int[] log2 = checkedLog2(scale);
        if (log2 != null) {
            int leftShift = (15 - 3) + log2[0];
            if (leftShift >= 0 && leftShift <= maxPotShift) {
                return new int[] {3 << leftShift, 0};
            }
        }
        double multiplier = (double) scale * 4096.0 * 3.0;
        int shift = 0;
        while (multiplier <= 32767.0 / 2.0 && shift <= 30) {
            shift++;
            multiplier = multiplier * 2.0;
        }
        if (!(multiplier >= 1.0) || multiplier >= 65536.0) {
            // 0 would select TFLite's power-of-two branch with 3 << 31; >= 65536 overflows int32 in its kernel
            throw ctx.unsupported("int16 " + op + " cannot rescale the input scale " + scale + " (multiplier "
                    + multiplier + ")");
        }
        return new int[] {(int) multiplier, shift};
    }

    /** TFLite's CheckedLog2: {round(log2(x))} when x is within 1e-3 (in log2) of a power of two, else null. */
    public static int[] checkedLog2(float x) {
        float log2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
        if (!Float.isFinite(log2)) {
            return null;
        }
        float rounded = (float) FixedPoint.roundHalfAwayFromZero(log2);
        return Math.abs(log2 - rounded) < 1e-3f ? new int[] {(int) rounded} : null;
    }
}
