/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.shape;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * SHAPE: the input's dimensions as a 1-D int32 or int64 tensor (ShapeOptions.out_type, default int32).
 * Shapes are static here, so the bytes are computed at prepare; the input is not read.
 */
public final class ShapeOp implements OperatorSpec {
    private static final int OPTIONS = 55; // BuiltinOptions.ShapeOptions: out_type

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SHAPE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        int outType = OpContext.u8(ctx.options(OPTIONS, "ShapeOptions"), 0, 2);
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, out, "output", TensorType.INT32, TensorType.INT64);
        if ((outType == 2 && out.type() != TensorType.INT32) || (outType == 4 && out.type() != TensorType.INT64)
                || (outType != 2 && outType != 4)) {
            throw ctx.error("out_type " + outType + " does not match output type " + out.type());
        }
        int[] shape = in.shape();
        ctx.requireShape(out, new int[] {shape.length}, "output");
        return Prepared.of(new ShapeParams(bytes(shape, w)), ShapeKernel.KERNEL);
    }

    static byte[] bytes(int[] shape, int w) {
        byte[] data = new byte[shape.length * w];
        for (int i = 0; i < shape.length; i++) {
            System.arraycopy(Moves.le(shape[i], w), 0, data, i * w, w);
        }
        return data;
    }
}
