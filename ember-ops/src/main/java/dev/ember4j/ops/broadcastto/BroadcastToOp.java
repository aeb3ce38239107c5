/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.broadcastto;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.copy.StridedCopy;
import dev.ember4j.ops.moves.CopyProgram;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * BROADCAST_TO a constant shape (int32/int64) of rank at most 6 (TFLite allows 8): the input is aligned
 * to the trailing dimensions, each of its dimensions 1 or equal to the target's.
 */
public final class BroadcastToOp implements OperatorSpec {
    private static final int OPTIONS = 104; // BuiltinOptions.BroadcastToOptions
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I32, Moves.I64, Moves.BOOL};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.BROADCAST_TO;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "BroadcastToOptions");
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, in, "input", TYPES);
        Moves.sameType(ctx, in, out, "output");
        TensorDef shapeT = ctx.input(1);
        ctx.requireRank(shapeT, 1, "shape");
        int[] target = Moves.constantIndices(ctx, shapeT, "shape");
        if (target.length > StridedCopy.RANK) {
            throw ctx.unsupported("shape " + Arrays.toString(target) + " has rank " + target.length
                    + ", at most 6 is supported");
        }
        String bad = check(in.shape(), target);
        if (bad != null) {
            throw ctx.error("cannot broadcast " + in.shapeString() + " to " + Arrays.toString(target) + ": " + bad);
        }
        Moves.intProduct(ctx, target, 0, target.length);
        ctx.requireShape(out, target, "output");
        return Prepared.of(new BroadcastToParams(program(w, in.shape(), target)), BroadcastToKernel.KERNEL, 0);
    }

    static String check(int[] s, int[] target) {
        if (s.length > target.length) {
            return "input rank exceeds the target rank";
        }
        for (int t : target) {
            if (t < 1) {
                return "dimension " + t;
            }
        }
        int shift = target.length - s.length;
        for (int i = 0; i < s.length; i++) {
            if (s[i] != 1 && s[i] != target[shift + i]) {
                return "dimension " + i + " is neither 1 nor " + target[shift + i];
            }
        }
        return null;
    }

    static int[] program(int w, int[] s, int[] target) {
        int shift = target.length - s.length;
        int[] inStrides = StridedCopy.rowMajorStrides(s);
        int[] src = new int[target.length];
        for (int i = 0; i < s.length; i++) {
            src[shift + i] = s[i] == 1 ? 0 : inStrides[i];
        }
        return new CopyProgram.Builder()
                .add(0, 0, w, 0, 0, target, src, StridedCopy.rowMajorStrides(target)).build();
    }
}
