/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.binary;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * Independent slow helpers of the element-wise operator tests: random broadcastable shapes, rank-6
 * strides, the source element of an output element by multi-index, and TFLite's
 * MultiplyByQuantizedMultiplierSmallerThanOneExp written with BigInteger rounding.
 */
public final class SlowBinary {
    private SlowBinary() {}

    public static int[] pad6(int[] s) {
        int[] p = new int[6];
        Arrays.fill(p, 1);
        System.arraycopy(s, 0, p, 6 - s.length, s.length);
        return p;
    }

    /** Two shapes of ranks up to maxRank that broadcast together (right-aligned); [0] and [1]. */
    public static int[][] randomShapes(Random r, int maxRank) {
        int rank = 1 + r.nextInt(maxRank);
        int[] full = new int[rank];
        for (int d = 0; d < rank; d++) {
            full[d] = 1 + r.nextInt(4);
        }
        int[][] out = new int[2][];
        for (int k = 0; k < 2; k++) {
            int rk = r.nextInt(3) == 0 ? r.nextInt(rank + 1) : rank;
            int[] s = Arrays.copyOfRange(full, rank - rk, rank);
            for (int d = 0; d < rk; d++) {
                if (r.nextInt(3) == 0) {
                    s[d] = 1;
                }
            }
            out[k] = s;
        }
        return out;
    }

    public static int[] outShape6(int[]... shapes) {
        int[] o = new int[6];
        Arrays.fill(o, 1);
        for (int[] s : shapes) {
            int[] p = pad6(s);
            for (int d = 0; d < 6; d++) {
                o[d] = Math.max(o[d], p[d]);
            }
        }
        return o;
    }

    /** Element strides of {@code shape} over {@code out6}: 0 where the input has extent 1. */
    public static int[] strides6(int[] shape, int[] out6) {
        int[] p = pad6(shape);
        int[] st = new int[6];
        int dense = 1;
        for (int d = 5; d >= 0; d--) {
            st[d] = p[d] == 1 && out6[d] != 1 ? 0 : dense;
            dense *= p[d];
        }
        return st;
    }

    public static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Flat index in an input of {@code shape} read for output element {@code flat} of {@code out6}. */
    public static int source(int flat, int[] out6, int[] shape) {
        int[] p = pad6(shape);
        int[] idx = new int[6];
        for (int d = 5; d >= 0; d--) {
            idx[d] = flat % out6[d];
            flat /= out6[d];
        }
        int src = 0;
        for (int d = 0; d < 6; d++) {
            src = src * p[d] + (p[d] == 1 ? 0 : idx[d]);
        }
        return src;
    }

    /**
     * round(x * m / 2^31) with ties toward +infinity (gemmlowp's doubling high multiply), saturated,
     * then round(. / 2^-shift) with ties away from zero (RoundingDivideByPOT).
     */
    public static int mulSmaller(int x, int m, int shift) {
        BigInteger prod = BigInteger.valueOf(x).multiply(BigInteger.valueOf(m));
        long high = prod.add(BigInteger.ONE.shiftLeft(30)).shiftRight(31).longValueExact();
        high = Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, high));
        return (int) roundHalfAway(BigInteger.valueOf(high), -shift);
    }

    private static long roundHalfAway(BigInteger v, int bits) {
        if (bits == 0) {
            return v.longValueExact();
        }
        BigInteger abs = v.abs();
        BigInteger q = abs.add(BigInteger.ONE.shiftLeft(bits - 1)).shiftRight(bits);
        return v.signum() < 0 ? -q.longValueExact() : q.longValueExact();
    }
}
