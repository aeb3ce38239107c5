/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.squareddifference;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.binary.BinaryShapes;
import dev.ember4j.ops.binary.Rescale;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** SQUARED_DIFFERENCE of two int8 or two float32 tensors with broadcasting (rank 4 when shapes differ). */
public final class SquaredDifferenceOp implements OperatorSpec {
    static final int LEFT_SHIFT = 7;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SQUARED_DIFFERENCE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        if (FloatTensors.isFloat(ctx)) {
            TensorDef a = ctx.input(0);
            TensorDef b = FloatTensors.require(ctx, ctx.input(1), "input 2");
            TensorDef out = FloatTensors.require(ctx, ctx.output(0), "output");
            int[][] st = BinaryShapes.strides(ctx, a, b, out, 4);
            return Prepared.of(new SquaredDifferenceFloatParams(st[0], st[1], st[2]), SquaredDifferenceFloatKernel.KERNEL, 0, 1);
        }
        TensorDef a = ctx.quantized(ctx.input(0), "input 1", TensorType.INT8);
        TensorDef b = ctx.quantized(ctx.input(1), "input 2", TensorType.INT8);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8);
        int[][] st = BinaryShapes.strides(ctx, a, b, out, 4);
        int[] m = multipliers(ctx.scale(a), ctx.scale(b), ctx.scale(out));
        if (m == null) {
            throw ctx.unsupported("input scales " + ctx.scale(a) + ", " + ctx.scale(b) + " and output scale "
                    + ctx.scale(out) + " give a rescaling outside (0, 1), which TFLite refuses");
        }
        return Prepared.of(new SquaredDifferenceParams(st[0], st[1], st[2], -ctx.zeroPoint(a), -ctx.zeroPoint(b),
                ctx.zeroPoint(out), LEFT_SHIFT, m[0], m[1], m[2], m[3], m[4], m[5]), SquaredDifferenceKernel.KERNEL, 0, 1);
    }

    /**
     * {input-1 multiplier, shift, input-2 multiplier, shift, output multiplier, shift} as TFLite forms
     * them (the squared doubled scale in double over (2^14 * output scale) in float), or null where
     * one is outside (0, 1).
     */
    public static int[] multipliers(float scale1, float scale2, float outputScale) {
        double twiceMax = 2 * Math.max(scale1, scale2);
        QuantizedMultiplier m1 = Rescale.smallerThanOne(scale1 / twiceMax);
        QuantizedMultiplier m2 = Rescale.smallerThanOne(scale2 / twiceMax);
        QuantizedMultiplier mo = Rescale.smallerThanOne(
                twiceMax * twiceMax / (double) ((1 << (2 * LEFT_SHIFT)) * outputScale));
        if (m1 == null || m2 == null || mo == null) {
            return null;
        }
        return new int[] {m1.multiplier(), m1.shift(), m2.multiplier(), m2.shift(), mo.multiplier(), mo.shift()};
    }
}
