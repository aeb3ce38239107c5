/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sub;

import dev.ember4j.ops.binary.FloatBinary;
import dev.ember4j.ops.binary.FloatBinaryKernel;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.binary.BinaryShapes;
import dev.ember4j.ops.binary.Rescale;
import dev.ember4j.ops.support.TypedActivation;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * SUB of two int8 tensors with broadcasting (rank 4 when shapes differ) and a fused activation; int16
 * (16x8, general-scale path) runs {@link SubInt16Kernel}.
 */
public final class SubOp implements OperatorSpec {
    private static final int OPTIONS = 28; // BuiltinOptions.SubOptions
    /** Headroom TFLite gives 8-bit inputs before rescaling. */
    static final int LEFT_SHIFT = 20;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SUB;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        if (FloatBinary.applies(ctx)) {
            return FloatBinary.prepare(ctx, FloatBinaryKernel.SUB, OpContext.u8(ctx.options(OPTIONS, "SubOptions"), 0, 0), 6);
        }
        if (ctx.output(0).type() == TensorType.INT16) {
            return prepareInt16(ctx);
        }
        TensorDef a = ctx.quantized(ctx.input(0), "input 1", TensorType.INT8);
        TensorDef b = ctx.quantized(ctx.input(1), "input 2", TensorType.INT8);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8);
        Table o = ctx.options(OPTIONS, "SubOptions");
        int[] range = ctx.activationRange(OpContext.u8(o, 0, 0), out);
        int[][] st = BinaryShapes.strides(ctx, a, b, out, 4);
        int[] m = multipliers(ctx.scale(a), ctx.scale(b), ctx.scale(out));
        if (m == null) {
            throw ctx.unsupported("input scales " + ctx.scale(a) + ", " + ctx.scale(b) + " and output scale "
                    + ctx.scale(out) + " give a rescaling outside (0, 1), which TFLite's SUB refuses");
        }
        return Prepared.of(new SubParams(st[0], st[1], st[2], -ctx.zeroPoint(a), -ctx.zeroPoint(b),
                ctx.zeroPoint(out), LEFT_SHIFT, m[0], m[1], m[2], m[3], m[4], m[5], range[0], range[1]),
                SubKernel.KERNEL, 0, 1);
    }

    private static Prepared prepareInt16(OpContext ctx) {
        TensorDef a = ctx.quantized(ctx.input(0), "input 1", TensorType.INT16);
        TensorDef b = ctx.quantized(ctx.input(1), "input 2", TensorType.INT16);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT16);
        for (TensorDef x : new TensorDef[] {a, b, out}) {
            if (x.quantization().perChannel()) {
                throw ctx.unsupported("per-channel quantized " + x.label() + " is not supported");
            }
            if (ctx.zeroPoint(x) != 0) {
                throw ctx.unsupported("int16 " + x.label() + " has zero point " + ctx.zeroPoint(x)
                        + "; 16x8 quantization needs 0");
            }
        }
        Table o = ctx.options(OPTIONS, "SubOptions");
        if (OpContext.bool(o, 1, true) && isPot(ctx.scale(a)) && isPot(ctx.scale(b))
                && isPot(ctx.scale(out))) {
            throw ctx.unsupported("int16 SUB with pot_scale_int16 and power-of-two scales (TFLite's LSTM "
                    + "path) is not supported");
        }
        int[] range = TypedActivation.range(ctx, OpContext.u8(o, 0, 0), out);
        int[][] st = BinaryShapes.strides(ctx, a, b, out, 4);
        int[] m = multipliers(ctx.scale(a), ctx.scale(b), ctx.scale(out), SubInt16Kernel.LEFT_SHIFT_INT16);
        if (m == null) {
            throw ctx.unsupported("input scales " + ctx.scale(a) + ", " + ctx.scale(b) + " and output scale "
                    + ctx.scale(out) + " give a rescaling outside (0, 1), which TFLite's SUB refuses");
        }
        return Prepared.of(new SubInt16Params(st[0], st[1], st[2], m[0], m[1], m[2], m[3], m[4], m[5], range[0],
                range[1]), SubInt16Kernel.KERNEL, 0, 1);
    }

    /**
     * {input-1 multiplier, shift, input-2 multiplier (negated), shift, output multiplier, shift}, formed
     * as TFLite does (the doubled larger float scale widened to double, the output term's product in
     * float), or null where one ratio is outside (0, 1).
     */
    public static int[] multipliers(float scale1, float scale2, float outputScale) {
        return multipliers(scale1, scale2, outputScale, LEFT_SHIFT);
    }

    /** As {@link #multipliers(float, float, float)} with the given left shift (15 for int16). */
    public static int[] multipliers(float scale1, float scale2, float outputScale, int leftShift) {
        double twiceMax = 2 * Math.max(scale1, scale2);
        QuantizedMultiplier m1 = Rescale.smallerThanOne(scale1 / twiceMax);
        QuantizedMultiplier m2 = Rescale.smallerThanOne(scale2 / twiceMax);
        QuantizedMultiplier mo = Rescale.smallerThanOne(twiceMax / (double) ((1 << leftShift) * outputScale));
        if (m1 == null || m2 == null || mo == null) {
            return null;
        }
        return new int[] {m1.multiplier(), m1.shift(), -m2.multiplier(), m2.shift(), mo.multiplier(), mo.shift()};
    }

    /** TFLite's CheckedLog2 test: log2(x), computed in float, within 1e-3 of an integer. */
    static boolean isPot(float x) {
        float log2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
        float rounded = (float) dev.ember4j.core.quant.FixedPoint.roundHalfAwayFromZero(log2);
        return Math.abs(log2 - rounded) < 1e-3f;
    }
}
