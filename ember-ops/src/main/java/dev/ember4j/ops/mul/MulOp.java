/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mul;

import dev.ember4j.ops.binary.FloatBinary;
import dev.ember4j.ops.binary.FloatBinaryKernel;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.support.TypedActivation;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.ops.support.Broadcast;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** MUL of two int8 or two int16 (16x8, zero points 0) tensors with numpy broadcasting and a fused activation. */
public final class MulOp implements OperatorSpec {
    private static final int OPTIONS = 21; // BuiltinOptions.MulOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.MUL;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        if (FloatBinary.applies(ctx)) {
            return FloatBinary.prepare(ctx, FloatBinaryKernel.MUL, OpContext.u8(ctx.options(OPTIONS, "MulOptions"), 0, 0), 6);
        }
        TensorDef a = ctx.quantized(ctx.input(0), "input 1", TensorType.INT8, TensorType.INT16);
        TensorType type = a.type();
        TensorDef b = ctx.quantized(ctx.input(1), "input 2", type);
        TensorDef out = ctx.quantized(ctx.output(0), "output", type);
        Table o = ctx.options(OPTIONS, "MulOptions");
        int[] range;
        if (type == TensorType.INT16) {
            // TFLite's 16x8 MUL: symmetric int16 (zero points 0, else int16 products could overflow int32).
            for (TensorDef t : new TensorDef[] {a, b, out}) {
                if (ctx.zeroPoint(t) != 0) {
                    throw ctx.unsupported("int16 tensor " + t.label() + " has zero point " + ctx.zeroPoint(t)
                            + "; TFLite's int16 MUL requires 0");
                }
            }
            range = TypedActivation.range(ctx, OpContext.u8(o, 0, 0), out);
        } else {
            range = ctx.activationRange(OpContext.u8(o, 0, 0), out);
        }
        int[][] strides = Broadcast.strides(ctx, a.shape(), b.shape(), out);
        // TFLite forms the product of the float scales in float, then widens to double.
        double real = (double) (ctx.scale(a) * ctx.scale(b) / ctx.scale(out));
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        return Prepared.of(new MulParams(strides[0], strides[1], strides[2], Elem.of(out.type()),
                -ctx.zeroPoint(a), -ctx.zeroPoint(b), ctx.zeroPoint(out), m.multiplier(), m.shift(),
                range[0], range[1]), MulKernel.KERNEL, 0, 1);
    }
}
