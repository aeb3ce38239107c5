/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.splitv;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.ops.split.SplitOp;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * SPLIT_V: data, constant size_splits (one entry may be -1: the rest of the axis) and a constant axis.
 * The sizes must add up to the axis dimension, as TFLite requires.
 */
public final class SplitVOp implements OperatorSpec {
    private static final int OPTIONS = 79; // BuiltinOptions.SplitVOptions: num_splits
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I32, Moves.I64};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SPLIT_V;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(3, 3);
        int num = OpContext.i32(ctx.options(OPTIONS, "SplitVOptions"), 0, 0);
        if (num < 1 || ctx.outputCount() != num) {
            throw ctx.error("num_splits " + num + " differs from the " + ctx.outputCount() + " outputs");
        }
        TensorDef in = ctx.input(0);
        int w = Moves.elemBytes(ctx, in, "input", TYPES);
        int[] shape = in.shape();
        int axis = Moves.constantAxis(ctx, ctx.input(2), shape.length);
        TensorDef sizesTensor = ctx.input(1);
        ctx.requireRank(sizesTensor, 1, "size_splits");
        int[] sizes = sizes(Moves.constantIndices(ctx, sizesTensor, "size_splits"), shape[axis]);
        if (sizes == null || sizes.length != num) {
            throw ctx.error("size_splits " + Arrays.toString(ctx.indexConstant(sizesTensor, "size_splits"))
                    + " do not split dimension " + shape[axis] + " into " + num + " parts");
        }
        return Prepared.of(new SplitVParams(SplitOp.program(ctx, w, in, axis, sizes)), SplitVKernel.KERNEL, 0);
    }

    /** The sizes with a single -1 resolved, or null when they do not add up to {@code dim}. */
    static int[] sizes(int[] given, int dim) {
        int[] s = given.clone();
        int unknown = -1;
        long sum = 0;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (unknown >= 0) {
                    return null;
                }
                unknown = i;
            } else if (s[i] < 0) {
                return null;
            } else {
                sum += s[i];
            }
        }
        if (unknown >= 0) {
            if (sum > dim) {
                return null;
            }
            s[unknown] = (int) (dim - sum);
        } else if (sum != dim) {
            return null;
        }
        return s;
    }
}
