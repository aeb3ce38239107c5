/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.split;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.CopyProgram;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * SPLIT: input 0 is a constant axis (negative counts from the end), input 1 the data, split into
 * num_splits equal parts (TFLite requires the axis dimension to divide evenly). Bytes move unchanged,
 * so quantization passes through as in TFLite (which does not compare it).
 */
public final class SplitOp implements OperatorSpec {
    private static final int OPTIONS = 35; // BuiltinOptions.SplitOptions: num_splits
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I32};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SPLIT;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        int num = OpContext.i32(ctx.options(OPTIONS, "SplitOptions"), 0, 0);
        if (num < 1 || ctx.outputCount() != num) {
            throw ctx.error("num_splits " + num + " differs from the " + ctx.outputCount() + " outputs");
        }
        TensorDef in = ctx.input(1);
        int w = Moves.elemBytes(ctx, in, "input", TYPES);
        int[] shape = in.shape();
        int axis = Moves.constantAxis(ctx, ctx.input(0), shape.length);
        if (shape[axis] % num != 0) {
            throw ctx.error("axis dimension " + shape[axis] + " of " + in.shapeString() + " is not divisible by "
                    + num + " splits");
        }
        int[] sizes = new int[num];
        java.util.Arrays.fill(sizes, shape[axis] / num);
        return Prepared.of(new SplitParams(program(ctx, w, in, axis, sizes)), SplitKernel.KERNEL, 1);
    }

    /**
     * Checks the outputs (type, shape) of a split of {@code in} along {@code axis} into parts of
     * {@code sizes}, and returns the copy program reading kernel input 0.
     */
    public static int[] program(OpContext ctx, int w, TensorDef in, int axis, int[] sizes) {
        int[] shape = in.shape();
        for (int k = 0; k < sizes.length; k++) {
            TensorDef out = ctx.output(k);
            Moves.sameType(ctx, in, out, "output " + k);
            int[] s = shape.clone();
            s[axis] = sizes[k];
            ctx.requireShape(out, s, "output " + k);
        }
        Moves.intProduct(ctx, shape, 0, shape.length);
        int outer = Moves.intProduct(ctx, shape, 0, axis);
        int inner = Moves.intProduct(ctx, shape, axis + 1, shape.length);
        return program(w, outer, shape[axis], inner, sizes);
    }

    /** Output k takes {@code sizes[k]} rows of the {@code [outer, dim, inner]} input. */
    public static int[] program(int w, int outer, int dim, int inner, int[] sizes) {
        CopyProgram.Builder b = new CopyProgram.Builder();
        long start = 0;
        for (int k = 0; k < sizes.length; k++) {
            int n = sizes[k] * inner;
            b.add(0, k, w, start * inner, 0, new int[] {outer, n}, new int[] {dim * inner, 1}, new int[] {n, 1});
            start += sizes[k];
        }
        return b.build();
    }
}
