/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;

import static dev.ember4j.simd.Lanes.F;
import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.N;

/**
 * The kernels multiply and add int8-derived integers in float lanes. A float holds every integer of
 * magnitude up to 2^24 exactly, so a sum of products is exact, in any order and with or without
 * fused multiply-add, while every partial sum stays within that range. The sums leave float lanes
 * through the integer conversion described at {@link #MAGIC}, which needs them within 2^22; {@link #termsPerChunk} gives the number of
 * products a float accumulator may take so that both hold.
 */
final class Exactness {
    private Exactness() {}

    private static final int LIMIT = 1 << 22;
    /**
     * Integer-valued floats v (|v| at most 2^22) become ints exactly as
     * {@code bits(v + MAGIC) - MAGIC_BITS}: adding 1.5 * 2^23 moves v into the binade where one ulp
     * is 1, so the low mantissa bits hold v. Used instead of the F2I conversion, which JDK 17's C2
     * does not intrinsify (it would box and allocate). Callers write the expression out: a vector
     * passed to or returned from a method that C2 declines to inline is boxed.
     */
    static final float MAGIC = 12582912f;
    static final int MAGIC_BITS = Float.floatToRawIntBits(MAGIC);

    /**
     * {@code dst[j] = (int) src[j] + add[j % period]} for j below len rounded up to whole vectors
     * (period a multiple of N). A method of its own so that no vector is live across the callers'
     * other calls (C2 would box it there).
     */
    static void toInts(float[] src, int len, int[] add, int period, int[] dst) {
        // Broadcasts inside the loop: a vector held in a local across iterations can be boxed.
        for (int j = 0; j < len; j += N) {
            FloatVector.fromArray(F, src, j).add(FloatVector.broadcast(F, MAGIC)).reinterpretAsInts()
                    .sub(IntVector.broadcast(I, MAGIC_BITS)).add(IntVector.fromArray(I, add, j % period))
                    .intoArray(dst, j);
        }
    }

    /** Largest |x + offset| over int8 x. */
    static int maxAbsInput(int offset) {
        return Math.max(Math.abs(-128 + offset), Math.abs(127 + offset));
    }

    /** Largest |w + offset| over the given int8 weights. */
    static int maxAbsWeight(byte[] w, int offset) {
        int m = 0;
        for (byte b : w) {
            m = Math.max(m, Math.abs(b + offset));
        }
        return m;
    }

    /** Products per float accumulator that keep it exact and convertible (at least 1). */
    static int termsPerChunk(int maxAbsWeight, int maxAbsInput) {
        long product = (long) maxAbsWeight * maxAbsInput;
        return product == 0 ? Integer.MAX_VALUE : (int) Math.max(1, LIMIT / product);
    }

    /**
     * True when every channel's whole sum, and so every partial sum, of |(w + wOffset) * (x + xOffset)|
     * stays within the limit: one chunk takes all terms. Channel c's terms are
     * {@code w[c * cStride + t * tStride]}, t < terms. Tighter than {@link #termsPerChunk}, which
     * assumes every weight as large as the largest.
     */
    static boolean oneChunk(byte[] w, int channels, int terms, int cStride, int tStride, int wOffset, int xOffset) {
        long maxIn = maxAbsInput(xOffset);
        for (int c = 0; c < channels; c++) {
            long sum = 0;
            for (int t = 0; t < terms; t++) {
                sum += Math.abs(w[c * cStride + t * tStride] + wOffset);
            }
            if (sum * maxIn > LIMIT) {
                return false;
            }
        }
        return true;
    }
}
