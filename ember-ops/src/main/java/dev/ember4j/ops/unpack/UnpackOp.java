/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unpack;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.CopyProgram;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * UNPACK into num tensors along an axis (negative counts from the end); num must equal the axis
 * dimension and every output is quantized as the input, as TFLite requires.
 */
public final class UnpackOp implements OperatorSpec {
    private static final int OPTIONS = 64; // BuiltinOptions.UnpackOptions: num, axis
    static final TensorType[] TYPES = {Moves.I32, Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.BOOL};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.UNPACK;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        Table o = ctx.options(OPTIONS, "UnpackOptions");
        int num = OpContext.i32(o, 0, 0);
        int axisOption = OpContext.i32(o, 1, 0);
        TensorDef in = ctx.input(0);
        int w = Moves.elemBytes(ctx, in, "input", TYPES);
        int[] shape = in.shape();
        int axis = axisOption < 0 ? axisOption + shape.length : axisOption;
        if (axis < 0 || axis >= shape.length) {
            throw ctx.error("axis " + axisOption + " is out of range for input rank " + shape.length);
        }
        if (num != shape[axis] || ctx.outputCount() != num) {
            throw ctx.error("num " + num + " with " + ctx.outputCount() + " outputs does not match axis dimension "
                    + shape[axis]);
        }
        int[] outShape = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                outShape[j++] = shape[i];
            }
        }
        for (int k = 0; k < num; k++) {
            TensorDef out = ctx.output(k);
            Moves.sameType(ctx, in, out, "output " + k);
            Moves.sameQuantization(ctx, in, out, "output " + k);
            ctx.requireShape(out, outShape, "output " + k);
        }
        Moves.intProduct(ctx, shape, 0, shape.length);
        int outer = Moves.intProduct(ctx, shape, 0, axis);
        int inner = Moves.intProduct(ctx, shape, axis + 1, shape.length);
        return Prepared.of(new UnpackParams(program(w, outer, num, inner)), UnpackKernel.KERNEL, 0);
    }

    /** Output k takes row k of each of the {@code outer} {@code [num, inner]} blocks. */
    static int[] program(int w, int outer, int num, int inner) {
        CopyProgram.Builder b = new CopyProgram.Builder();
        for (int k = 0; k < num; k++) {
            b.add(0, k, w, (long) k * inner, 0, new int[] {outer, inner}, new int[] {num * inner, 1},
                    new int[] {inner, 1});
        }
        return b.build();
    }
}
