/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.cast;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * CAST between INT8, UINT8, INT16, INT32, INT64, FLOAT32 and BOOL. Quantization parameters are
 * ignored, as TFLite's kernel casts the stored values. The output has the input's shape.
 */
public final class CastOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.CAST;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int from = code(ctx, in, "input");
        int to = code(ctx, out, "output");
        if (!Arrays.equals(in.shape(), out.shape())) {
            throw ctx.error("output " + out.label() + " has shape " + out.shapeString() + ", the input "
                    + in.label() + " has " + in.shapeString());
        }
        if (ctx.isConstant(in)) {
            ctx.constant(in, "input");
        }
        return Prepared.of(new CastParams(in.elementCount(), from, to), CastKernel.KERNEL, 0);
    }

    static int code(OpContext ctx, TensorDef t, String role) {
        TensorType type = t.type();
        return switch (type) {
            case INT8 -> CastKernel.INT8;
            case UINT8 -> CastKernel.UINT8;
            case INT16 -> CastKernel.INT16;
            case INT32 -> CastKernel.INT32;
            case INT64 -> CastKernel.INT64;
            case FLOAT32 -> CastKernel.FLOAT32;
            case BOOL -> CastKernel.BOOL;
            default -> throw ctx.unsupported(role + " " + t.label() + " has type " + type
                    + "; CAST supports INT8, UINT8, INT16, INT32, INT64, FLOAT32 and BOOL");
        };
    }
}
