/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transpose;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.copy.MoveTypes;
import dev.ember4j.ops.copy.StridedCopy;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * TRANSPOSE with a constant int32 permutation, ranks 0 to 6: {@code out.shape[i] = in.shape[perm[i]]}.
 * Elements are moved as bytes, so every supported type (and quantization) passes through unchanged.
 */
public final class TransposeOp implements OperatorSpec {
    private static final int OPTIONS = 26; // BuiltinOptions.TransposeOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.TRANSPOSE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "TransposeOptions");
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int elemBytes = MoveTypes.elementBytes(ctx, in, out);
        TensorDef permTensor = ctx.input(1);
        ctx.requireRank(permTensor, 1, "perm");
        int[] perm = MoveTypes.constantInts(ctx, permTensor, "perm");
        int[] shape = in.shape();
        if (shape.length > StridedCopy.RANK) {
            throw ctx.unsupported("input " + in.label() + " has rank " + shape.length + ", at most 6 is supported");
        }
        String problem = checkPerm(perm, shape.length);
        if (problem != null) {
            throw ctx.error("perm " + permTensor.label() + " " + java.util.Arrays.toString(perm) + ": " + problem);
        }
        perm = normalize(perm);
        if (repeats(perm)) {
            throw ctx.unsupported("perm " + permTensor.label() + " repeats an axis; only permutations are supported");
        }
        ctx.requireShape(out, outputShape(shape, perm), "output");
        return Prepared.of(new TransposeParams(plan(elemBytes, shape, perm)), TransposeKernel.KERNEL, 0);
    }

    /**
     * Null when TFLite accepts {@code perm} (one entry per axis, each in {@code [-rank, rank)}, negative
     * ones counting from the end), else what is wrong with it.
     */
    static String checkPerm(int[] perm, int rank) {
        if (perm.length != rank) {
            return "has " + perm.length + " entries for an input of rank " + rank;
        }
        for (int p : perm) {
            if (p < -rank || p >= rank) {
                return "entry " + p + " is out of range";
            }
        }
        return null;
    }

    /** Negative entries plus the rank (entries already checked by {@link #checkPerm}). */
    static int[] normalize(int[] perm) {
        int[] out = perm.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] < 0) {
                out[i] += perm.length;
            }
        }
        return out;
    }

    static boolean repeats(int[] perm) {
        boolean[] seen = new boolean[perm.length];
        for (int p : perm) {
            if (seen[p]) {
                return true;
            }
            seen[p] = true;
        }
        return false;
    }

    static int[] outputShape(int[] shape, int[] perm) {
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = shape[perm[i]];
        }
        return out;
    }

    /** The copy plan: walk the output in order, stepping through the input along the permuted axes. */
    public static int[] plan(int elemBytes, int[] shape, int[] perm) {
        int[] outShape = outputShape(shape, perm);
        int[] inStrides = StridedCopy.rowMajorStrides(shape);
        int[] src = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            src[i] = inStrides[perm[i]];
        }
        return StridedCopy.plan(elemBytes, outShape, src, StridedCopy.rowMajorStrides(outShape));
    }
}
