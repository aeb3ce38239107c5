/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.quant.FixedPoint;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;

import static dev.ember4j.simd.Lanes.D;
import static dev.ember4j.simd.Lanes.F;
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
 *
 * <p>Where the operator's accumulators are bounded so that {@code |x*m| < 2^51} (known at prepare from
 * the weights, the input range and the bias), the same value comes from double lanes, which need
 * no 64-bit integer multiply (AVX2 has none; AVX-512's takes three micro-ops) and no 64-bit
 * variable shift: with {@code t = 31 + r}, {@code floor((P + C) / 2^t)} for an integer
 * {@code P + C} equals round-half-even of {@code (P + C - 2^(t-1) + 1/2) / 2^t}, whose fraction is
 * never one half. For r > 0 the constants fold into {@code (P + 2^30 + 1/2 + [P < 0]*F) * 2^-t}, for
 * r = 0 into {@code (P + 1/2) * 2^-31}; P = x*m, the sum and the scaling are exact in a double, and
 * adding 1.5 * 2^52 rounds to the integer, which the low 32 bits then hold. Opt-in: see {@link #DOUBLES}.
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
     * Per slot, for the double path, split into even and odd slots as the 64-bit path's constants are
     * (lane i of a long view holds slots 2i and 2i+1): multiplier, additive constant for x >= 0 and
     * x < 0, 2^-t. No vector conversion with a part index is needed that way (C2 left those as calls
     * in some JVMs, allocating).
     */
    private final double[] dMultEven;
    private final double[] dMultOdd;
    private final double[] dAddPosEven;
    private final double[] dAddPosOdd;
    private final double[] dAddNegEven;
    private final double[] dAddNegOdd;
    private final double[] dScaleEven;
    private final double[] dScaleOdd;
    /** Per slot, the channel's bias {@link #requantizeFloats} adds. */
    private final int[] slotBias;
    /** True when every slot's |x * m| stays below 2^51 (see the class comment): the double path runs. */
    final boolean doubleOk;

    /**
     * False when some multiplier is {@code Integer.MIN_VALUE} (the doubling high multiply could then
     * saturate, which the vector form does not model) or a right shift exceeds 31: scalar path then.
     */
    final boolean vectorOk;

    /** @param channelOf slot -> channel (length = slots used); multipliers per channel or one per tensor */
    Requant(int[] multiplier, int[] shiftIn, int channels, int[] channelOf) {
        this(multiplier, shiftIn, channels, channelOf, null);
    }

    /**
     * @param maxAbsAcc per channel, the largest |accumulator| any input can produce (null: unknown,
     *                  the 64-bit integer path runs)
     */
    Requant(int[] multiplier, int[] shiftIn, int channels, int[] channelOf, long[] maxAbsAcc) {
        this(multiplier, shiftIn, channels, channelOf, maxAbsAcc, null);
    }

    /** @param bias per channel, added by {@link #requantizeFloats} (null: none) */
    Requant(int[] multiplier, int[] shiftIn, int channels, int[] channelOf, long[] maxAbsAcc, int[] bias) {
        this(multiplier, shiftIn, channels, channelOf, maxAbsAcc, bias, DOUBLES);
    }

    /** @param doubles whether the double path may run where the bounds allow it (default: {@link #DOUBLES}) */
    Requant(int[] multiplier, int[] shiftIn, int channels, int[] channelOf, long[] maxAbsAcc, int[] bias,
            boolean doubles) {
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
        dMultEven = new double[slots / 2];
        dMultOdd = new double[slots / 2];
        dAddPosEven = new double[slots / 2];
        dAddPosOdd = new double[slots / 2];
        dAddNegEven = new double[slots / 2];
        dAddNegOdd = new double[slots / 2];
        dScaleEven = new double[slots / 2];
        dScaleOdd = new double[slots / 2];
        java.util.Arrays.fill(dAddPosEven, 0.5);
        java.util.Arrays.fill(dAddPosOdd, 0.5);
        java.util.Arrays.fill(dAddNegEven, 0.5);
        java.util.Arrays.fill(dAddNegOdd, 0.5);
        java.util.Arrays.fill(dScaleEven, 0x1p-31);
        java.util.Arrays.fill(dScaleOdd, 0x1p-31);
        slotBias = new int[slots];
        boolean fine = true;
        boolean bounded = maxAbsAcc != null;
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
            boolean even = s % 2 == 0;
            (even ? dMultEven : dMultOdd)[s / 2] = mult[s];
            (even ? dAddPosEven : dAddPosOdd)[s / 2] = right > 0 ? 0x1p30 + 0.5 : 0.5;
            (even ? dAddNegEven : dAddNegOdd)[s / 2] = right > 0 ? 0x1p30 + 0.5 - 0x1p31 : 0.5;
            (even ? dScaleEven : dScaleOdd)[s / 2] = Math.scalb(1.0, -(31 + right));
            slotBias[s] = bias == null ? 0 : bias[channelOf[s]];
            if (bounded) {
                // |x| <= maxAbsAcc << left (x wraps in TFLite's int32 arithmetic: then the bound fails)
                double x = Math.scalb((double) maxAbsAcc[channelOf[s]],
                        leftShift[s]);
                bounded = x < 0x1p31 && x * Math.abs((double) mult[s]) < 0x1p51;
            }
        }
        vectorOk = fine;
        // At 128 bits (-XX:MaxVectorSize=16) C2 left the double path's operations of two lanes as calls
        // (560 kB per speech invoke, with an earlier form of it): the 64-bit integer path runs there.
        doubleOk = fine && bounded && doubles && Lanes.BITS >= 256;
    }

    /** Bytes a Requant of {@code slots} slots keeps (its per-slot int, long and double constants). */
    static long bytes(long slots) {
        return Lanes.roundUp((int) Math.min(slots, Integer.MAX_VALUE - 64), N) * 112L + 512;
    }

    /**
     * Slots for rows of {@code channels} values laid end to end: slot s is channel s % channels,
     * over lcm(channels, N) slots, so any run of whole rows requantizes with period {@link #slots}.
     */
    static Requant rows(int[] multiplier, int[] shift, int channels) {
        return rows(multiplier, shift, channels, null);
    }

    /** {@link #rows(int[], int[], int)} with accumulator bounds per channel (see the constructor). */
    static Requant rows(int[] multiplier, int[] shift, int channels, long[] maxAbsAcc) {
        return rows(multiplier, shift, channels, maxAbsAcc, null);
    }

    /** ... and the bias {@link #requantizeFloats} adds. */
    static Requant rows(int[] multiplier, int[] shift, int channels, long[] maxAbsAcc, int[] bias) {
        return rows(multiplier, shift, channels, maxAbsAcc, bias, DOUBLES);
    }

    /** ... with the double path allowed or not whatever the default. */
    static Requant rows(int[] multiplier, int[] shift, int channels, long[] maxAbsAcc, int[] bias, boolean doubles) {
        int[] channelOf = new int[lcm(channels, N)];
        for (int s = 0; s < channelOf.length; s++) {
            channelOf[s] = s % channels;
        }
        return new Requant(multiplier, shift, channels, channelOf, maxAbsAcc, bias, doubles);
    }

    /**
     * Per output channel, the largest |bias + sum of (w + wOffset) * (x + xOffset)| over int8 inputs x,
     * for weights laid out so that channel c's terms are {@code w[c * cStride + t * tStride]}, t < terms:
     * each term ranges between its values at x = -128 and x = 127, so the sum between the sums of
     * their minima and maxima.
     */
    static long[] maxAbsAcc(byte[] w, int channels, int terms, int cStride, int tStride, int wOffset,
                            int[] bias, int xOffset) {
        long lo = -128 + xOffset;
        long hi = 127 + xOffset;
        long[] max = new long[channels];
        for (int c = 0; c < channels; c++) {
            long b = bias == null ? 0 : bias[c];
            long top = b;
            long bottom = b;
            for (int t = 0; t < terms; t++) {
                long v = w[c * cStride + t * tStride] + wOffset;
                top += Math.max(v * lo, v * hi);
                bottom += Math.min(v * lo, v * hi);
            }
            max[c] = Math.max(Math.abs(top), Math.abs(bottom));
        }
        return max;
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
        if (doubleOk) {
            requantizeDoubles(acc, ai, len, slot0, period, zp, amin, amax, out, o);
            return;
        }
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

    /**
     * {@link #requantize} in double lanes (see the class comment), for operators whose accumulators
     * are bounded. Ints become doubles exactly without a conversion instruction: with the sign bit
     * flipped, an int is the low half of the double 2^52 + x + 2^31. One method with the whole loop, for
     * the same reason as {@link #requantize}.
     */
    private void requantizeDoubles(int[] acc, int ai, int len, int slot0, int period, int zp, int amin, int amax,
                                   byte[] out, int o) {
        int j = 0;
        int tail = len; // from here on the results wait in acc
        for (int s = slot0 % period; j < len; j += N, s = s + N == period ? 0 : s + N) {
            final int h = s / 2;
            LongVector pairs = IntVector.fromArray(I, acc, ai + j)
                    .lanewise(VectorOperators.LSHL, IntVector.fromArray(I, leftShift, s))
                    .lanewise(VectorOperators.XOR, IntVector.broadcast(I, Integer.MIN_VALUE)).reinterpretAsLongs();
            DoubleVector a = pairs.and(LongVector.broadcast(LONG, 0xFFFFFFFFL))
                    .or(LongVector.broadcast(LONG, EXPONENT_52)).reinterpretAsDoubles()
                    .sub(DoubleVector.broadcast(D, INT_BIAS));
            DoubleVector b = pairs.lanewise(VectorOperators.LSHR, 32)
                    .or(LongVector.broadcast(LONG, EXPONENT_52)).reinterpretAsDoubles()
                    .sub(DoubleVector.broadcast(D, INT_BIAS));
            DoubleVector yE = a.fma(DoubleVector.fromArray(D, dMultEven, h),
                            DoubleVector.fromArray(D, dAddPosEven, h).blend(DoubleVector.fromArray(D, dAddNegEven, h),
                                    a.lt(DoubleVector.broadcast(D, 0.0))))
                    .fma(DoubleVector.fromArray(D, dScaleEven, h), DoubleVector.broadcast(D, ROUND));
            DoubleVector yO = b.fma(DoubleVector.fromArray(D, dMultOdd, h),
                            DoubleVector.fromArray(D, dAddPosOdd, h).blend(DoubleVector.fromArray(D, dAddNegOdd, h),
                                    b.lt(DoubleVector.broadcast(D, 0.0))))
                    .fma(DoubleVector.fromArray(D, dScaleOdd, h), DoubleVector.broadcast(D, ROUND));
            // Broadcasts inside the loop: a vector held in a local across iterations can be boxed.
            IntVector y = yE.reinterpretAsLongs().and(LongVector.broadcast(LONG, 0xFFFFFFFFL))
                    .or(yO.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 32)).reinterpretAsInts()
                    .add(IntVector.broadcast(I, zp)).max(IntVector.broadcast(I, amin))
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

    /**
     * {@link #requantize} of float sums (integer-valued, below 2^22: {@link Exactness}) plus the bias given
     * at construction, straight from the float accumulators: no pass converting them to ints first. Only
     * where {@link #doubleOk}. {@code ints} (N values) holds the last block's results on their way to bytes.
     */
    void requantizeFloats(float[] facc, int fi, int len, int slot0, int period, int zp, int amin, int amax,
                          int[] ints, byte[] out, int o) {
        int j = 0;
        for (int s = slot0 % period; j < len; j += N, s = s + N == period ? 0 : s + N) {
            final int h = s / 2;
            LongVector pairs = FloatVector.fromArray(F, facc, fi + j).add(FloatVector.broadcast(F, Exactness.MAGIC))
                    .reinterpretAsInts().sub(IntVector.broadcast(I, Exactness.MAGIC_BITS))
                    .add(IntVector.fromArray(I, slotBias, s))
                    .lanewise(VectorOperators.LSHL, IntVector.fromArray(I, leftShift, s))
                    .lanewise(VectorOperators.XOR, IntVector.broadcast(I, Integer.MIN_VALUE)).reinterpretAsLongs();
            DoubleVector a = pairs.and(LongVector.broadcast(LONG, 0xFFFFFFFFL))
                    .or(LongVector.broadcast(LONG, EXPONENT_52)).reinterpretAsDoubles()
                    .sub(DoubleVector.broadcast(D, INT_BIAS));
            DoubleVector b = pairs.lanewise(VectorOperators.LSHR, 32)
                    .or(LongVector.broadcast(LONG, EXPONENT_52)).reinterpretAsDoubles()
                    .sub(DoubleVector.broadcast(D, INT_BIAS));
            DoubleVector yE = a.fma(DoubleVector.fromArray(D, dMultEven, h),
                            DoubleVector.fromArray(D, dAddPosEven, h).blend(DoubleVector.fromArray(D, dAddNegEven, h),
                                    a.lt(DoubleVector.broadcast(D, 0.0))))
                    .fma(DoubleVector.fromArray(D, dScaleEven, h), DoubleVector.broadcast(D, ROUND));
            DoubleVector yO = b.fma(DoubleVector.fromArray(D, dMultOdd, h),
                            DoubleVector.fromArray(D, dAddPosOdd, h).blend(DoubleVector.fromArray(D, dAddNegOdd, h),
                                    b.lt(DoubleVector.broadcast(D, 0.0))))
                    .fma(DoubleVector.fromArray(D, dScaleOdd, h), DoubleVector.broadcast(D, ROUND));
            IntVector y = yE.reinterpretAsLongs().and(LongVector.broadcast(LONG, 0xFFFFFFFFL))
                    .or(yO.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 32)).reinterpretAsInts()
                    .add(IntVector.broadcast(I, zp)).max(IntVector.broadcast(I, amin))
                    .min(IntVector.broadcast(I, amax));
            if (j + Math.max(N, Lanes.B.length()) > len) {
                // the last block or two: through ints, bytes stored one by one (never past out[o + len))
                y.intoArray(ints, 0);
                for (int k = 0; k < N && j + k < len; k++) {
                    out[o + j + k] = (byte) ints[k];
                }
                continue;
            }
            ((ByteVector) y.convertShape(VectorOperators.I2B, Lanes.B, 0)).intoArray(out, o + j);
        }
    }

    /** The bits of 2^52, and 2^52 + 2^31: an int x with its sign bit flipped in the low half of 2^52's bits is the double INT_BIAS + x. */
    private static final long EXPONENT_52 = Double.doubleToRawLongBits(0x1p52);
    private static final double INT_BIAS = 0x1p52 + 0x1p31;

    /**
     * {@code -Dember.simd.requant=double} enables the double path (exact, 10–15% faster on depthwise-heavy
     * models). Off by default: in a JVM that first ran other models on the reference kernels, C2 sometimes
     * compiled its loops with Vector API calls left as calls (no deoptimization follows, so for good). With
     * int/double conversions that take a part index, person_detect allocated ~300 kB per inference in one
     * peer-harness run out of two to four at 512 bits; with this even/odd form, 0 of 8 at 512 bits but 1 of
     * 3 at AVX2, where the 64-bit integer path stayed at 0 B in every run (BENCHMARKS.md).
     */
    static final boolean DOUBLES = "double".equals(System.getProperty("ember.simd.requant"));

    /** 1.5 * 2^52: adding it rounds a double below 2^51 in magnitude to an integer held in the low bits. */
    private static final double ROUND = 0x1.8p52;
}
