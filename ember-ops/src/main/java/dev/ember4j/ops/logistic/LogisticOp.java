/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logistic;

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
 * LOGISTIC (sigmoid) of int8 or uint8: TFLite's reference kernel evaluates a 256-entry table built at prepare
 * from {@code 1.0f / (1.0f + exp(-x))} in float. The output scale must be 1/256, as TFLite requires.
 * LOGISTIC of int16 (16x8, zero points 0, output scale exactly 2^-15): TFLite's reference_integer_ops::Logistic,
 * an interpolated 256-entry sigmoid table after the input rescaling its prepare forms.
 */
public final class LogisticOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.LOGISTIC;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        if (FloatTensors.isFloat(ctx)) {
            return Elementwise.floatFunction(ctx, ElementwiseKernel.LOGISTIC);
        }
        if (ctx.inputCount() == 1 && ctx.input(0).type() == TensorType.INT16) {
            return prepareInt16(ctx);
        }
        boolean uint8 = ctx.inputCount() == 1 && ctx.input(0).type() == TensorType.UINT8;
        TensorDef[] t = Unary.quantized(ctx, uint8 ? TensorType.UINT8 : TensorType.INT8);
        TensorDef in = t[0];
        TensorDef out = t[1];
        if ((double) ctx.scale(out) != 1.0 / 256) {
            throw ctx.unsupported("output " + out.label() + " has scale " + ctx.scale(out)
                    + "; " + (uint8 ? "uint8" : "int8") + " LOGISTIC needs the output scale 1/256");
        }
        // TFLite's reference path checks only the output scale, not its zero point, for both 8-bit types.
        byte[] table = uint8
                ? Int8Lut.buildUint8(ctx.scale(in), ctx.zeroPoint(in), ctx.scale(out), ctx.zeroPoint(out),
                        Int8Lut::logistic)
                : Int8Lut.build(ctx.scale(in), ctx.zeroPoint(in), ctx.scale(out), ctx.zeroPoint(out),
                        Int8Lut::logistic);
        return Prepared.of(new LutParams(in.elementCount(), table), LutKernel.KERNEL, 0);
    }

    private Prepared prepareInt16(OpContext ctx) {
        TensorDef[] t = Int16Sigmoid.tensors(ctx, "LOGISTIC");
        TensorDef in = t[0];
        TensorDef out = t[1];
        if ((double) ctx.scale(out) != 1.0 / 32768) {
            throw ctx.unsupported("output " + out.label() + " has scale " + ctx.scale(out)
                    + "; int16 LOGISTIC needs the output scale 1/32768");
        }
        int[] r = Int16Sigmoid.inputRescale(ctx, in, "LOGISTIC", 0);
        return Prepared.of(new LogisticInt16Params(in.elementCount(), r[0], r[1]), LogisticInt16Kernel.KERNEL, 0);
    }
}
