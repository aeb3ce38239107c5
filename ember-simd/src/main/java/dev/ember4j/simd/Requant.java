/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.quant.FixedPoint;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.LONG;
import static dev.ember4j.simd.Lanes.N;

/**
 * Per-slot requantization constants and the lane-wise, exact form of
 * {@link FixedPoint#multiplyByQuantizedMultiplier} (the convolutions' double rounding). A slot is a
 * lane position in the kernel's output layout; slot s requantizes with channel {@code channelOf[s]}.
 * Slot arrays are padded to whole vectors (padding slots use multiplier 0).
 *
 * <p>The two roundings fold into one shift. With {@code x = acc << left} (wrapping) and
 * {@code A = x*m + 2^30}, TFLite's doubling high multiply equals {@code floor(A / 2^31)} (its
 * sign-dependent nudge and truncation toward zero amount to that), and the rounding right shift by
 * r of a value q is {@code floor((q + half - [q < 0 and r > 0]) / 2^r)} with {@code half = 2^(r-1)}
 * (0 when r = 0). Since {@code floor((floor(A / a) + c) / b) = floor((A + c*a) / (a*b))} and q < 0
 * exactly when A < 0, the result is {@code (A + half*2^31 - [A < 0 and r > 0]*2^31) >> (31 + r)}.
 * The test A < 0 may be replaced by x*m < 0: the two differ only for -2^30 <= x*m < 0, where both
 * forms give 0 when r > 0 (and the correction is not applied when r = 0). So, in 64-bit lanes,
 * which never overflow (|x*m| < 2^62): {@code (x*m + K + ((x*m >> 63) & F)) >> (31 + r)} with
 * per-channel constants {@code K = 2^30 + half*2^31} and {@code F = r > 0 ? -2^31 : 0}.
 */
final class Requant {
    final int slots;
    final int[] mult;
    final int[] shift;
    private final int[] leftShift;
    /** Per slot, split into even (2i) and odd (2i+1) slots as longs: multiplier, K, F, 31 + r. */
    private final long[] multEven;
    private final long[] multOdd;
    private final long[] roundEven;
    private final long[] roundOdd;
    private final long[] fixEven;
    private final long[] fixOdd;
    private final long[] shiftEven;
    private final long[] shiftOdd;
    /**
     * False when some multiplier is {@code Integer.MIN_VALUE} (the doubling high multiply could then
     * saturate, which the vector form does not model) or a right shift exceeds 31: scalar path then.
     */
    final boolean vectorOk;

    /** @param channelOf slot -> channel (length = slots used); multipliers per channel or one per tensor */
    Requant(int[] multiplier, int[] shiftIn, int channels, int[] channelOf) {
        int used = channelOf.length;
        this.slots = Lanes.roundUp(Math.max(used, 1), N);
        mult = new int[slots];
        shift = new int[slots];
        leftShift = new int[slots];
        multEven = new long[slots / 2];
        multOdd = new long[slots / 2];
        roundEven = new long[slots / 2];
        roundOdd = new long[slots / 2];
        fixEven = new long[slots / 2];
        fixOdd = new long[slots / 2];
        shiftEven = new long[slots / 2];
        shiftOdd = new long[slots / 2];
        java.util.Arrays.fill(shiftEven, 31);
        java.util.Arrays.fill(shiftOdd, 31);
        boolean fine = true;
        for (int s = 0; s < used; s++) {
            int q = multiplier.length == channels ? channelOf[s] : 0;
            mult[s] = multiplier[q];
            shift[s] = shiftIn[q];
            leftShift[s] = Math.max(shift[s], 0);
            int right = Math.max(-shift[s], 0);
            fine &= mult[s] != Integer.MIN_VALUE && right <= 31;
            right = Math.min(right, 31);
            long half = right > 0 ? (1L << (right - 1)) << 31 : 0;
            long round = (1L << 30) + half;
            long fix = right > 0 ? -(1L << 31) : 0;
            long[] m = s % 2 == 0 ? multEven : multOdd;
            long[] h = s % 2 == 0 ? roundEven : roundOdd;
            long[] f = s % 2 == 0 ? fixEven : fixOdd;
            long[] sh = s % 2 == 0 ? shiftEven : shiftOdd;
            m[s / 2] = mult[s];
            h[s / 2] = round;
            f[s / 2] = fix;
            sh[s / 2] = 31 + right;
        }
        vectorOk = fine;
    }

    /**
     * Slots for rows of {@code channels} values laid end to end: slot s is channel s % channels,
     * over lcm(channels, N) slots, so any run of whole rows requantizes with period {@link #slots}.
     */
    static Requant rows(int[] multiplier, int[] shift, int channels) {
        int[] channelOf = new int[lcm(channels, N)];
        for (int s = 0; s < channelOf.length; s++) {
            channelOf[s] = s % channels;
        }
        return new Requant(multiplier, shift, channels, channelOf);
    }

    static int lcm(int a, int b) {
        int x = a, y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    /**
     * Requantizes {@code acc[ai..ai+len)} (slot of element j: {@code (slot0 + j) % period}; slot0
     * and period multiples of N, acc readable and writable up to whole vectors), adds the zero
     * point, clamps, and stores bytes at {@code out[o..o+len)}. {@code acc} is overwritten.
     *
     * <p>One method with its loop on purpose: C2 intrinsifies the vector operations of a
     * compilation unit only up to an inlining budget, and a failed intrinsic boxes (allocates). This
     * method is too large to be inlined into its callers, so its budget is its own; its scalars are
     * broadcast explicitly because JDK 17's C2 does not intrinsify {@code IntVector.max(int)}.
     */
    void requantize(int[] acc, int ai, int len, int slot0, int period, int zp, int amin, int amax, byte[] out, int o) {
        if (!vectorOk) {
            for (int j = 0; j < len; j++) {
                int s = (slot0 + j) % period;
                int r = FixedPoint.multiplyByQuantizedMultiplier(acc[ai + j], mult[s], shift[s]) + zp;
                out[o + j] = (byte) Math.min(Math.max(r, amin), amax);
            }
            return;
        }
        int j = 0;
        int tail = len; // from here on the results wait in acc
        // The slot advances by N and wraps (period is a multiple of N): an integer division per vector
        // cost about a third of the loop.
        for (int s = slot0 % period; j < len; j += N, s = s + N == period ? 0 : s + N) {
            final int h = s / 2;
            IntVector x = IntVector.fromArray(I, acc, ai + j)
                    .lanewise(VectorOperators.LSHL, IntVector.fromArray(I, leftShift, s));
            LongVector pairs = x.reinterpretAsLongs();
            LongVector abE = pairs.lanewise(VectorOperators.LSHL, 32).lanewise(VectorOperators.ASHR, 32)
                    .mul(LongVector.fromArray(LONG, multEven, h));
            LongVector abO = pairs.lanewise(VectorOperators.ASHR, 32).mul(LongVector.fromArray(LONG, multOdd, h));
            LongVector yE = abE.add(LongVector.fromArray(LONG, roundEven, h))
                    .add(abE.lanewise(VectorOperators.ASHR, 63).and(LongVector.fromArray(LONG, fixEven, h)))
                    .lanewise(VectorOperators.ASHR, LongVector.fromArray(LONG, shiftEven, h));
            LongVector yO = abO.add(LongVector.fromArray(LONG, roundOdd, h))
                    .add(abO.lanewise(VectorOperators.ASHR, 63).and(LongVector.fromArray(LONG, fixOdd, h)))
                    .lanewise(VectorOperators.ASHR, LongVector.fromArray(LONG, shiftOdd, h));
            // Broadcasts inside the loop: a vector held in a local across iterations can be boxed.
            IntVector y = yE.and(LongVector.broadcast(LONG, 0xFFFFFFFFL)).or(yO.lanewise(VectorOperators.LSHL, 32))
                    .reinterpretAsInts().add(IntVector.broadcast(I, zp)).max(IntVector.broadcast(I, amin))
                    .min(IntVector.broadcast(I, amax));
            // The byte store writes B.length() bytes (8 for N = 4 at 128 bits): never past out[o + len).
            if (j + Math.max(N, Lanes.B.length()) > len) {
                y.intoArray(acc, ai + j); // the last block or two: bytes stored below
                tail = Math.min(tail, j);
                continue;
            }
            ((ByteVector) y.convertShape(VectorOperators.I2B, Lanes.B, 0)).intoArray(out, o + j);
        }
        for (j = tail; j < len; j++) {
            out[o + j] = (byte) acc[ai + j];
        }
    }
}
