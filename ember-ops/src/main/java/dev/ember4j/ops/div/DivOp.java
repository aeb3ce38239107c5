/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.div;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.Activation;
import dev.ember4j.ops.binary.BinaryShapes;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * DIV of two float32 or two int32 tensors with a fused activation, broadcasting up to rank 5 (TFLite's
 * BroadcastDivSlow is 5-D). TFLite's quantized uint8 DIV is refused.
 */
public final class DivOp implements OperatorSpec {
    private static final int OPTIONS = 29; // BuiltinOptions.DivOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.DIV;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.input(0);
        TensorDef b = ctx.input(1);
        TensorDef out = ctx.output(0);
        if (a.type() != TensorType.FLOAT32 && a.type() != TensorType.INT32) {
            throw ctx.unsupported("input 1 " + a.label() + " has type " + a.type() + ", supported: FLOAT32, INT32");
        }
        if (b.type() != a.type() || out.type() != a.type()) {
            throw ctx.error("input and output types differ: " + a.type() + ", " + b.type() + " -> " + out.type());
        }
        Table o = ctx.options(OPTIONS, "DivOptions");
        Activation act = ctx.activation(OpContext.u8(o, 0, 0));
        int[][] st = BinaryShapes.strides(ctx, a, b, out, 5);
        // TFLite's CalculateActivationRange<T>
        int intMin = Integer.MIN_VALUE;
        int intMax = Integer.MAX_VALUE;
        float floatMin = -Float.MAX_VALUE;
        float floatMax = Float.MAX_VALUE;
        switch (act) {
            case RELU -> {
                intMin = 0;
                floatMin = 0f;
            }
            case RELU6 -> {
                intMin = 0;
                intMax = 6;
                floatMin = 0f;
                floatMax = 6f;
            }
            case RELU_N1_TO_1 -> {
                intMin = -1;
                intMax = 1;
                floatMin = -1f;
                floatMax = 1f;
            }
            default -> { }
        }
        return Prepared.of(new DivParams(st[0], st[1], st[2], a.type() == TensorType.FLOAT32,
                intMin, intMax, floatMin, floatMax), DivKernel.KERNEL, 0, 1);
    }
}
