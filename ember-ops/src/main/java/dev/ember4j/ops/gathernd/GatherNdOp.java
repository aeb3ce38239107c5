/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gathernd;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * GATHER_ND: indices {@code [..., K]} pick slices {@code params[i0, ..., iK-1, :]}. The indices must be
 * constant (TFLite fails at run time on one out of range; here they are checked once at prepare).
 */
public final class GatherNdOp implements OperatorSpec {
    private static final int OPTIONS = 83; // BuiltinOptions.GatherNdOptions
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I32, Moves.I64, Moves.BOOL};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.GATHER_ND;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "GatherNdOptions");
        TensorDef params = ctx.input(0);
        TensorDef indices = ctx.input(1);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, params, "params", TYPES);
        Moves.sameType(ctx, params, out, "output");
        int[] shape = params.shape();
        int[] iShape = indices.shape();
        if (shape.length < 1 || iShape.length < 1) {
            throw ctx.error("params " + params.shapeString() + " and indices " + indices.shapeString()
                    + " need rank at least 1");
        }
        int k = iShape[iShape.length - 1];
        if (k > shape.length) {
            throw ctx.error("index depth " + k + " exceeds params rank " + shape.length);
        }
        int[] idx = Moves.constantIndices(ctx, indices, "indices");
        String bad = check(shape, idx, k);
        if (bad != null) {
            throw ctx.error("indices " + indices.label() + ": " + bad);
        }
        int[] outShape = new int[iShape.length - 1 + shape.length - k];
        System.arraycopy(iShape, 0, outShape, 0, iShape.length - 1);
        System.arraycopy(shape, k, outShape, iShape.length - 1, shape.length - k);
        ctx.requireShape(out, outShape, "output");
        Moves.intProduct(ctx, shape, 0, shape.length);
        return Prepared.of(params(w, shape, idx, k), GatherNdKernel.KERNEL, 0);
    }

    /** Null when every index tuple lies inside params, else the first one that does not. */
    static String check(int[] shape, int[] idx, int k) {
        for (int i = 0; i < idx.length; i++) {
            int d = shape[i % k];
            if (idx[i] < 0 || idx[i] >= d) {
                return "index " + idx[i] + " is out of range [0, " + d + ") of dimension " + (i % k);
            }
        }
        return null;
    }

    static GatherNdParams params(int w, int[] shape, int[] idx, int k) {
        int slice = (int) Moves.product(shape, k, shape.length);
        int n = k == 0 ? 1 : idx.length / k;
        int[] off = new int[n];
        for (int t = 0; t < n; t++) {
            int flat = 0;
            for (int j = 0; j < k; j++) {
                flat = flat * shape[j] + idx[t * k + j];
            }
            off[t] = flat * slice * w;
        }
        return new GatherNdParams(slice * w, off);
    }
}
