/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test oracle for the reductions, written from TFLite's formulas without sharing code with the
 * kernels: groups of input elements by explicit multi-indices, and gemmlowp requantization in long
 * arithmetic.
 */
public final class SlowReduce {
    private SlowReduce() {}

    /** For each output element (row-major over the kept dimensions), the flat input indices folding into it. */
    public static List<List<Integer>> groups(int[] shape, int[] axes) {
        int rank = shape.length;
        boolean[] red = new boolean[rank];
        for (int a : axes) {
            red[((a % rank) + rank) % rank] = true;
        }
        int total = 1;
        int outCount = 1;
        for (int d = 0; d < rank; d++) {
            total *= shape[d];
            if (!red[d]) {
                outCount *= shape[d];
            }
        }
        List<List<Integer>> g = new ArrayList<>();
        for (int o = 0; o < outCount; o++) {
            g.add(new ArrayList<>());
        }
        int[] idx = new int[rank];
        for (int flat = 0; flat < total; flat++) {
            int rem = flat;
            for (int d = rank - 1; d >= 0; d--) {
                idx[d] = rem % shape[d];
                rem /= shape[d];
            }
            int o = 0;
            for (int d = 0; d < rank; d++) {
                if (!red[d]) {
                    o = o * shape[d] + idx[d];
                }
            }
            g.get(o).add(flat);
        }
        return g;
    }

    /** gemmlowp SaturatingRoundingDoublingHighMul then RoundingDivideByPOT, as TFLite's default MultiplyByQuantizedMultiplier. */
    public static int mbqm(int x, int m, int shift) {
        int left = Math.max(shift, 0);
        int right = Math.max(-shift, 0);
        int a = x * (1 << left);
        int high;
        if (a == Integer.MIN_VALUE && m == Integer.MIN_VALUE) {
            high = Integer.MAX_VALUE;
        } else {
            long p = (long) a * m;
            long nudged = p + (p >= 0 ? (1L << 30) : 1 - (1L << 30));
            long q = Math.abs(nudged) >>> 31;
            high = (int) (nudged < 0 ? -q : q);
        }
        if (right == 0) {
            return high;
        }
        // round half away from zero of high / 2^right
        long h = high;
        long div = 1L << right;
        long fl = Math.floorDiv(h, div);
        long rem = h - fl * div;
        long half = div / 2;
        if (rem > half || (rem == half && h >= 0)) {
            fl++;
        }
        return (int) fl;
    }

    /** A random shape of rank 1..6 with at most ~600 elements, and random (possibly negative, repeated) axes. */
    public static int[] randomShape(Random rnd) {
        int rank = 1 + rnd.nextInt(6);
        int[] s = new int[rank];
        int budget = 600;
        for (int d = 0; d < rank; d++) {
            s[d] = 1 + rnd.nextInt(Math.max(1, Math.min(7, budget)));
            budget = Math.max(1, budget / s[d]);
        }
        return s;
    }

    public static int[] randomAxes(Random rnd, int rank) {
        int n = 1 + rnd.nextInt(rank + 1);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            int d = rnd.nextInt(rank);
            a[i] = rnd.nextBoolean() ? d : d - rank;
        }
        return a;
    }
}
