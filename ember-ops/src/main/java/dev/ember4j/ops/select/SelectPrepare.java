/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.select;

import dev.ember4j.core.TensorType;
import dev.ember4j.ops.add.AddParams;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Preparation of SELECT (condition of the same shape, scalar, or rank 1 over dimension 0) and SELECT_V2 (broadcast). */
final class SelectPrepare {
    private SelectPrepare() {}

    static final int RANK = AddParams.RANK;
    /** Rank of TFLite's broadcasting select kernel. */
    static final int BROADCAST_RANK = 4;
    static final Set<TensorType> TYPES = EnumSet.of(TensorType.BOOL, TensorType.FLOAT32, TensorType.UINT8,
            TensorType.INT8, TensorType.INT16, TensorType.INT32, TensorType.INT64);

    static SelectParams prepare(OpContext ctx, boolean v2) {
        ctx.expectInputs(3, 3);
        ctx.expectOutputs(1);
        TensorDef cond = ctx.input(0);
        TensorDef x = ctx.input(1);
        TensorDef y = ctx.input(2);
        TensorDef out = ctx.output(0);
        ctx.requireType(cond, TensorType.BOOL, "condition");
        if (!TYPES.contains(x.type())) {
            throw ctx.unsupported("input x " + x.label() + " has type " + x.type() + ", supported: " + TYPES);
        }
        if (y.type() != x.type() || out.type() != x.type()) {
            throw ctx.error("x, y and output types differ: " + x.type() + ", " + y.type() + ", " + out.type());
        }
        int[] c = cond.shape();
        boolean same = Arrays.equals(c, x.shape()) && Arrays.equals(x.shape(), y.shape());
        int[][] plan;
        if (v2) {
            plan = broadcast(c, x.shape(), y.shape(), same ? RANK : BROADCAST_RANK);
            if (plan == null) {
                throw ctx.unsupported("shapes " + cond.shapeString() + ", " + x.shapeString() + " and "
                        + y.shapeString() + " do not broadcast within rank " + (same ? RANK : BROADCAST_RANK));
            }
        } else {
            if (!same) {
                if (!Arrays.equals(x.shape(), y.shape())) {
                    throw ctx.error("x " + x.shapeString() + " and y " + y.shapeString() + " differ");
                }
                boolean lowRank = c.length == 0 || (c.length == 1 && x.shape().length > 0 && c[0] == x.shape()[0]);
                if (!lowRank) {
                    throw ctx.error("condition " + cond.shapeString() + " is neither x's shape " + x.shapeString()
                            + ", a scalar nor a vector over its first dimension");
                }
                // A rank-1 condition selects whole slices of dimension 0: align it on the left.
                if (c.length == 1) {
                    c = new int[x.shape().length];
                    Arrays.fill(c, 1);
                    c[0] = x.shape()[0];
                }
            }
            plan = broadcast(c, x.shape(), y.shape(), RANK);
            if (plan == null) {
                throw ctx.unsupported("rank " + x.shape().length + " beyond " + RANK + " is not supported");
            }
        }
        int outRank = Math.max(c.length, Math.max(x.shape().length, y.shape().length));
        ctx.requireShape(out, Arrays.copyOfRange(plan[0], RANK - outRank, RANK), "output");
        return new SelectParams(plan[0], plan[1], plan[2], plan[3], x.type().bytes());
    }

    /**
     * {output shape, condition strides, x strides, y strides} on rank 6, numpy-aligned on the right,
     * or null when the shapes do not broadcast or exceed {@code maxRank}.
     */
    static int[][] broadcast(int[] c, int[] x, int[] y, int maxRank) {
        if (c.length > maxRank || x.length > maxRank || y.length > maxRank) {
            return null;
        }
        int[][] in = {pad(c), pad(x), pad(y)};
        int[] out = new int[RANK];
        for (int d = 0; d < RANK; d++) {
            int n = 1;
            for (int[] s : in) {
                if (s[d] != 1) {
                    if (n != 1 && n != s[d]) {
                        return null;
                    }
                    n = s[d];
                }
            }
            out[d] = n;
        }
        int[][] plan = new int[4][];
        plan[0] = out;
        for (int k = 0; k < 3; k++) {
            int[] st = new int[RANK];
            int dense = 1;
            for (int d = RANK - 1; d >= 0; d--) {
                st[d] = in[k][d] == 1 ? 0 : dense;
                dense *= in[k][d];
            }
            plan[k + 1] = st;
        }
        return plan;
    }

    private static int[] pad(int[] shape) {
        int[] p = new int[RANK];
        Arrays.fill(p, 1);
        System.arraycopy(shape, 0, p, RANK - shape.length, shape.length);
        return p;
    }
}
