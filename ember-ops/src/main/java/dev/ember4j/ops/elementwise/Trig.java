/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elementwise;

import java.math.BigInteger;

/**
 * SIN and COS of float32 as TFLite computes them: std::sin / std::cos of a float are glibc's sinf and
 * cosf, which are not correctly rounded (worst case 0.56 ulp), so neither {@code (float) Math.sin} nor
 * {@code StrictMath} reproduces them ((float) Math.sin differs on 0.68% of all floats). This is the published
 * algorithm of those functions (Arm's optimized-routines sincosf, in glibc since 2.28), written
 * anew: the argument in double, |x| &lt; pi/4 straight to the polynomials, |x| &lt; 120 reduced by the
 * nearest multiple of pi/2 in double, larger ones by a 192-bit 2/pi in integer arithmetic; then a
 * degree-7 odd polynomial for sin or degree-8 even one for cos, in double, rounded to float once. The
 * polynomial steps are fused multiply-adds as in glibc's x86-64 FMA build (what it runs on any
 * FMA-capable CPU). Checked against glibc over every float32 input (docs/OPERATORS.md).
 */
public final class Trig {
    private Trig() {}

    private static final double HPI_INV = 0x1.45F306DC9C883p+23; // 2/pi * 2^24
    private static final double HPI = 0x1.921FB54442D18p0;
    private static final double PI63 = 0x1.921FB54442D18p-62;
    private static final double C0 = 0x1p0;
    private static final double C1 = -0x1.ffffffd0c621cp-2;
    private static final double C2 = 0x1.55553e1068f19p-5;
    private static final double C3 = -0x1.6c087e89a359dp-10;
    private static final double C4 = 0x1.99343027bf8c3p-16;
    private static final double S1 = -0x1.555545995a603p-3;
    private static final double S2 = 0x1.1107605230bc4p-7;
    private static final double S3 = -0x1.994eb3774cf24p-13;

    private static final int PIO4_TOP = top12(0x1.921FB6p-1f);
    private static final int TINY_TOP = top12(0x1p-12f);
    private static final int LARGE_TOP = top12(120f);
    private static final int INF_TOP = top12(Float.POSITIVE_INFINITY);

    /** 2/pi to 192 + 32 bits as sliding 32-bit windows: entry k holds bits [8k - 24, 8k + 8) after the point. */
    private static final int[] INV_PIO4 = invPio4();

    private static int top12(float x) {
        return (Float.floatToRawIntBits(x) >>> 20) & 0x7ff;
    }

    /** The value TFLite writes for sin(x). */
    public static float sin(float y) {
        return sinOrCos(y, false);
    }

    /** The value TFLite writes for cos(x). */
    public static float cos(float y) {
        return sinOrCos(y, true);
    }

    /**
     * sin or cos: the same range reduction (x = y - n * pi/2), then the polynomial of sin or cos as n and
     * cos say (cos(x + n*pi/2) = sin(x + (n+1)*pi/2)).
     */
    private static float sinOrCos(float y, boolean cos) {
        int top = top12(y);
        double x = y;
        if (top < PIO4_TOP) {
            if (top < TINY_TOP) {
                return cos ? 1f : y;
            }
            return (float) poly(x, x * x, false, cos);
        }
        int n;
        int sign = 0;
        if (top < LARGE_TOP) {
            n = (((int) (x * HPI_INV)) + 0x800000) >> 24;
            x = Math.fma(-n, HPI, x);
        } else if (top < INF_TOP) {
            int xi = Float.floatToRawIntBits(y);
            sign = xi >>> 31;
            long r = largeProduct(xi);
            long quarter = (r + (1L << 61)) >>> 62;
            n = (int) quarter;
            x = (double) (r - (quarter << 62)) * PI63;
        } else {
            return invalid(y);
        }
        int q = n + sign;
        double s = (q & 3) == 1 || (q & 3) == 2 ? -1 : 1;
        return (float) poly(x * s, x * x, (q & 2) != 0, ((cos ? n ^ 1 : n) & 1) != 0);
    }

    /** sin (odd n false) or cos polynomial of the reduced argument; {@code negate} flips the cos coefficients. */
    private static double poly(double x, double x2, boolean negate, boolean cos) {
        if (!cos) {
            double x3 = x * x2;
            double s1 = Math.fma(x2, S3, S2);
            double x7 = x3 * x2;
            double s = Math.fma(x3, S1, x);
            return Math.fma(x7, s1, s);
        }
        double g = negate ? -1 : 1;
        double x4 = x2 * x2;
        double c2 = Math.fma(x2, g * C4, g * C3);
        double c1 = Math.fma(x2, g * C1, g * C0);
        double x6 = x4 * x2;
        double c = Math.fma(x4, g * C2, c1);
        return Math.fma(x6, c2, c);
    }

    /** glibc's __math_invalidf: (y - y) / (y - y), x86's default NaN for an infinity, a NaN quieted. */
    private static float invalid(float y) {
        float d = y - y;
        return d / d;
    }

    /**
     * Reduction of a large |x| (from 120 up): x * 2/pi in fixed point with 62 fraction bits, as 64-bit
     * integer products of the shifted 24-bit mantissa with 96 bits of 2/pi chosen by the exponent
     * (wrapping as the C unsigned arithmetic does).
     */
    private static long largeProduct(int xi) {
        int k = (xi >>> 26) & 15;
        int shift = (xi >>> 23) & 7;
        long m = ((xi & 0xffffffL) | 0x800000L) << shift;
        long a0 = INV_PIO4[k] & 0xffffffffL;
        long a1 = INV_PIO4[k + 4] & 0xffffffffL;
        long a2 = INV_PIO4[k + 8] & 0xffffffffL;
        long res0 = (m * a0) & 0xffffffffL; // uint32 * uint32 in C keeps 32 bits
        long res1 = m * a1;
        long res2 = m * a2;
        res0 = (res2 >>> 32) | (res0 << 32);
        return res0 + res1;
    }

    private static int[] invPio4() {
        // 2/pi to 240 bits from Machin's formula in exact integer arithmetic
        BigInteger one = BigInteger.ONE.shiftLeft(300);
        BigInteger pi = arctanInv(5, one).multiply(BigInteger.valueOf(16)).subtract(arctanInv(239, one).shiftLeft(2));
        BigInteger twoOverPi = one.shiftLeft(301).divide(pi); // 2/pi * 2^300
        int[] t = new int[24];
        for (int e = 0; e < 24; e++) {
            // floor(2/pi * 2^(8e + 8)) mod 2^32
            t[e] = twoOverPi.shiftRight(300 - (8 * e + 8)).intValue();
        }
        return t;
    }

    private static BigInteger arctanInv(int x, BigInteger one) {
        BigInteger x2 = BigInteger.valueOf((long) x * x);
        BigInteger term = one.divide(BigInteger.valueOf(x));
        BigInteger sum = term;
        for (int k = 1; term.signum() != 0; k++) {
            term = term.divide(x2);
            BigInteger t = term.divide(BigInteger.valueOf(2L * k + 1));
            sum = (k & 1) == 1 ? sum.subtract(t) : sum.add(t);
        }
        return sum;
    }
}
