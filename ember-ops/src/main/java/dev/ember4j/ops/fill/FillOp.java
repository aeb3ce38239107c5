/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fill;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * FILL: a tensor of the constant shape {@code dims} (int32/int64) holding the scalar {@code value}
 * (computed or constant) everywhere. The value's bytes are copied, so quantization passes through.
 */
public final class FillOp implements OperatorSpec {
    private static final int OPTIONS = 68; // BuiltinOptions.FillOptions
    static final TensorType[] TYPES = {Moves.I8, Moves.I16, Moves.I32, Moves.I64, Moves.F32, Moves.BOOL};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.FILL;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "FillOptions");
        TensorDef dimsT = ctx.input(0);
        TensorDef value = ctx.input(1);
        TensorDef out = ctx.output(0);
        ctx.requireRank(dimsT, 1, "dims");
        int[] dims = Moves.constantIndices(ctx, dimsT, "dims");
        if (value.shape().length != 0) {
            throw ctx.error("value " + value.label() + " has shape " + value.shapeString() + ", expected a scalar");
        }
        int w = Moves.elemBytes(ctx, value, "value", TYPES);
        Moves.sameType(ctx, value, out, "output");
        for (int d : dims) {
            if (d < 0) {
                throw ctx.error("dims " + Arrays.toString(dims) + " has a negative entry");
            }
        }
        ctx.requireShape(out, dims, "output");
        return Prepared.of(new FillParams(w, Moves.intProduct(ctx, dims, 0, dims.length)), FillKernel.KERNEL, 1);
    }
}
