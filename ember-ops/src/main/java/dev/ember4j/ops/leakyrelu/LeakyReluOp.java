/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.leakyrelu;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.ops.support.Unary;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** LEAKY_RELU of int8 or int16 (16x8) with the identity and alpha multipliers TFLite's prepare forms. */
public final class LeakyReluOp implements OperatorSpec {
    private static final int OPTIONS = 75; // BuiltinOptions.LeakyReluOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.LEAKY_RELU;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        if (FloatTensors.isFloat(ctx)) {
            TensorDef in = Elementwise.tensors(ctx, TensorType.FLOAT32)[0];
            float alpha = OpContext.f32(ctx.options(OPTIONS, "LeakyReluOptions"), 0, 0f);
            return Prepared.of(new LeakyReluFloatParams(in.elementCount(), alpha), LeakyReluFloatKernel.KERNEL, 0);
        }
        boolean int16 = ctx.inputCount() == 1 && ctx.input(0).type() == TensorType.INT16;
        TensorDef[] t = int16 ? int16(ctx) : Unary.int8(ctx);
        TensorDef in = t[0];
        TensorDef out = t[1];
        Table o = ctx.options(OPTIONS, "LeakyReluOptions");
        float alpha = OpContext.f32(o, 0, 0f);
        if (!Float.isFinite(alpha)) {
            throw ctx.error("alpha " + alpha + " is not finite");
        }
        float inScale = ctx.scale(in);
        float outScale = ctx.scale(out);
        // TFLite multiplies and divides the float scales and alpha in float, then widens to double.
        QuantizedMultiplier a = QuantizedMultiplier.of((double) (inScale * alpha / outScale));
        QuantizedMultiplier id = QuantizedMultiplier.of((double) (inScale / outScale));
        if (int16) {
            return Prepared.of(new LeakyReluInt16Params(in.elementCount(), ctx.zeroPoint(in), ctx.zeroPoint(out),
                    id.multiplier(), id.shift(), a.multiplier(), a.shift()), LeakyReluInt16Kernel.KERNEL, 0);
        }
        return Prepared.of(new LeakyReluParams(in.elementCount(), ctx.zeroPoint(in), ctx.zeroPoint(out),
                id.multiplier(), id.shift(), a.multiplier(), a.shift()), LeakyReluKernel.KERNEL, 0);
    }

    /** One int16 input and output of the same shape, per-tensor, zero points 0 (16x8). */
    static TensorDef[] int16(OpContext ctx) {
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.INT16);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT16);
        if (!java.util.Arrays.equals(in.shape(), out.shape())) {
            throw ctx.error("output " + out.label() + " has shape " + out.shapeString() + ", the input "
                    + in.label() + " has " + in.shapeString());
        }
        if (in.quantization().perChannel() || out.quantization().perChannel()) {
            throw ctx.unsupported("per-channel quantized activations are not supported");
        }
        if (ctx.zeroPoint(in) != 0 || ctx.zeroPoint(out) != 0) {
            throw ctx.unsupported("int16 LEAKY_RELU needs zero points 0 (16x8), has " + ctx.zeroPoint(in) + " and "
                    + ctx.zeroPoint(out));
        }
        return new TensorDef[] {in, out};
    }
}
