/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.prelu;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.ops.support.Broadcast;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * PRELU of int8 (or float32, {@link PreluFloatKernel}) with an int8 alpha tensor (constant or not) broadcast onto the input, with TFLite's two
 * multipliers. The output has the input's shape. Where alpha's shape differs from the input's, TFLite
 * runs its 4-D broadcasting kernel, so ranks above 4 are refused there.
 */
public final class PreluOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.PRELU;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        if (FloatTensors.isFloat(ctx)) {
            return floatPrelu(ctx);
        }
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.INT8);
        TensorDef alpha = ctx.quantized(ctx.input(1), "alpha", TensorType.INT8);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8);
        for (TensorDef t : new TensorDef[] {in, alpha, out}) {
            if (t.quantization().perChannel()) {
                throw ctx.unsupported(t.label() + " is quantized per channel; PRELU takes one scale per tensor");
            }
        }
        if (ctx.isConstant(alpha)) {
            ctx.constant(alpha, "alpha"); // checks the buffer's length
        }
        checkBroadcastRank(ctx, in, alpha);
        int[][] strides = Broadcast.strides(ctx, in.shape(), alpha.shape(), out);
        // the broadcast shape must be the input's (TFLite checks the output against the input's shape)
        ctx.requireShape(out, in.shape(), "output");
        float inScale = ctx.scale(in);
        float outScale = ctx.scale(out);
        // TFLite forms both real multipliers from the float scales in float, then widens to double.
        QuantizedMultiplier m1 = QuantizedMultiplier.of((double) (inScale / outScale));
        QuantizedMultiplier m2 = QuantizedMultiplier.of((double) (inScale * ctx.scale(alpha) / outScale));
        return Prepared.of(new PreluParams(strides[0], strides[1], strides[2], -ctx.zeroPoint(in),
                -ctx.zeroPoint(alpha), ctx.zeroPoint(out), m1.multiplier(), m1.shift(), m2.multiplier(),
                m2.shift()), PreluKernel.KERNEL, 0, 1);
    }

    /** float32 input, alpha and output; the same broadcasting rules as int8. */
    private static Prepared floatPrelu(OpContext ctx) {
        TensorDef in = ctx.input(0);
        TensorDef alpha = FloatTensors.require(ctx, ctx.input(1), "alpha");
        TensorDef out = FloatTensors.require(ctx, ctx.output(0), "output");
        if (ctx.isConstant(alpha)) {
            ctx.constant(alpha, "alpha"); // checks the buffer's length
        }
        checkBroadcastRank(ctx, in, alpha);
        int[][] strides = Broadcast.strides(ctx, in.shape(), alpha.shape(), out);
        ctx.requireShape(out, in.shape(), "output");
        return Prepared.of(new PreluFloatParams(strides[0], strides[1], strides[2]), PreluFloatKernel.KERNEL, 0, 1);
    }

    private static void checkBroadcastRank(OpContext ctx, TensorDef in, TensorDef alpha) {
        boolean broadcast = !Arrays.equals(in.shape(), alpha.shape());
        if (broadcast && (in.shape().length > 4 || alpha.shape().length > 4)) {
            throw ctx.unsupported("broadcasting PRELU supports ranks up to 4, got input " + in.shapeString()
                    + " and alpha " + alpha.shapeString());
        }
    }
}
