/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.tanh;

import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.elementwise.ElementwiseKernel;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.support.Int16Sigmoid;
import dev.ember4j.ops.common.Int8Lut;
import dev.ember4j.ops.common.LutKernel;
import dev.ember4j.ops.common.LutParams;
import dev.ember4j.ops.support.Unary;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * TANH of int8: TFLite's reference kernel evaluates a 256-entry table built at prepare from tanh in float.
 * TANH of int16 (16x8, zero points 0, output scale 2^-15 as TFLite's CheckedLog2 sees it):
 * TFLite's reference_integer_ops::Tanh, tanh(x) = 2 sigmoid(2x) - 1 from an interpolated sigmoid table.
 */
public final class TanhOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.TANH;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        if (FloatTensors.isFloat(ctx)) {
            return Elementwise.floatFunction(ctx, ElementwiseKernel.TANH);
        }
        if (ctx.inputCount() == 1 && ctx.input(0).type() == TensorType.INT16) {
            TensorDef[] t = Int16Sigmoid.tensors(ctx, "TANH");
            int[] r = Int16Sigmoid.inputRescale(ctx, t[0], "TANH", 1);
            return Prepared.of(new TanhInt16Params(t[0].elementCount(), r[0], r[1]), TanhInt16Kernel.KERNEL, 0);
        }
        TensorDef[] t = Unary.int8(ctx);
        TensorDef in = t[0];
        TensorDef out = t[1];
        byte[] table = Int8Lut.build(ctx.scale(in), ctx.zeroPoint(in), ctx.scale(out), ctx.zeroPoint(out),
                Int8Lut::tanh);
        return Prepared.of(new LutParams(in.elementCount(), table), LutKernel.KERNEL, 0);
    }
}
