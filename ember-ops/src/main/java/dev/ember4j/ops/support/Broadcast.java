/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.tflite.prepare.OpContext;

import dev.ember4j.ops.add.AddParams;
import dev.ember4j.tflite.TensorDef;

import java.util.Arrays;

/** Numpy-style broadcasting of two shapes onto a rank-6 output with per-input strides. */
public final class Broadcast {
    private Broadcast() {}

    /** {output shape, input-1 strides, input-2 strides}, each of length {@link AddParams#RANK}. */
    public static int[][] strides(OpContext ctx, int[] a, int[] b, TensorDef output) {
        int rank = AddParams.RANK;
        if (a.length > rank || b.length > rank) {
            throw ctx.unsupported("broadcasting beyond rank " + rank + " is not supported");
        }
        int[] pa = pad(a, rank);
        int[] pb = pad(b, rank);
        int[] out = new int[rank];
        for (int i = 0; i < rank; i++) {
            if (pa[i] == pb[i] || pb[i] == 1) {
                out[i] = pa[i];
            } else if (pa[i] == 1) {
                out[i] = pb[i];
            } else {
                throw ctx.error("input shapes " + Arrays.toString(a) + " and " + Arrays.toString(b)
                        + " cannot be broadcast together");
            }
        }
        int outRank = Math.max(a.length, b.length);
        int[] expected = Arrays.copyOfRange(out, rank - outRank, rank);
        ctx.requireShape(output, expected, "output");
        for (int d : out) {
            if (d == 0) {
                throw ctx.unsupported("empty tensors are not supported");
            }
        }
        return new int[][] {out, strides(pa, out), strides(pb, out)};
    }

    private static int[] pad(int[] shape, int rank) {
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    private static int[] strides(int[] shape, int[] out) {
        int[] dense = AddParams.denseStrides(shape);
        int[] s = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i] == 1 && out[i] != 1 ? 0 : dense[i];
        }
        return s;
    }
}
