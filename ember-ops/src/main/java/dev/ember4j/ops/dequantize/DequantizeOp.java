/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.dequantize;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** DEQUANTIZE: int8, uint8 or int16 (per-tensor) to float32. */
public final class DequantizeOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.DEQUANTIZE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.INT8, TensorType.UINT8, TensorType.INT16);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.FLOAT32);
        if (in.elementCount() != out.elementCount()) {
            throw ctx.error("output " + out.label() + " " + out.shapeString() + " does not match input "
                    + in.shapeString());
        }
        if (in.quantization().perChannel()) {
            throw ctx.unsupported("per-channel quantized input " + in.label() + " is not supported");
        }
        return Prepared.of(new DequantizeParams(in.elementCount(), Elem.of(in.type()), ctx.scale(in),
                ctx.zeroPoint(in)), DequantizeKernel.KERNEL, 0);
    }
}
