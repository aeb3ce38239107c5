/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.zeroslike;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * ZEROS_LIKE: zeros of the input's shape. TFLite 2.21's kernel handles int32, int64 and float32 only
 * (an int8 ZEROS_LIKE fails at Eval there), so the other types are refused.
 */
public final class ZerosLikeOp implements OperatorSpec {
    private static final int OPTIONS = 67; // BuiltinOptions.ZerosLikeOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ZEROS_LIKE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "ZerosLikeOptions");
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, in, "input", Moves.I32, Moves.I64, Moves.F32);
        Moves.sameType(ctx, in, out, "output");
        ctx.requireShape(out, in.shape(), "output");
        return Prepared.of(new ZerosLikeParams(Moves.intProduct(ctx, in.shape(), 0, in.shape().length) * w), ZerosLikeKernel.KERNEL);
    }
}
