/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

/**
 * The single-precision C library functions TFLite's float kernels call ({@code std::exp(float)},
 * {@code std::tanh(float)}), as glibc 2.36 on x86-64 computes them (TFLite 2.21's Linux build calls the
 * system libm), so that results agree to the last bit. Java's {@code (float) Math.exp(x)} differs from
 * glibc's expf for 170,646 of the 2^32 floats and {@code (float) Math.tanh(x)} from tanhf for about 3%
 * of inputs, hence these ports of the arithmetic (written from the algorithms, checked against TFLite's
 * outputs: see FloatMathTest).
 */
public final class FloatMath {
    private FloatMath() {}

    // expf: 2^(k/32) table (bits of 2^(i/32) less i << 47), cubic for 2^(r/32) (glibc's exp2f data)
    private static final long[] EXP2_TABLE = {
        0x3ff0000000000000L, 0x3fefd9b0d3158574L, 0x3fefb5586cf9890fL, 0x3fef9301d0125b51L,
        0x3fef72b83c7d517bL, 0x3fef54873168b9aaL, 0x3fef387a6e756238L, 0x3fef1e9df51fdee1L,
        0x3fef06fe0a31b715L, 0x3feef1a7373aa9cbL, 0x3feedea64c123422L, 0x3feece086061892dL,
        0x3feebfdad5362a27L, 0x3feeb42b569d4f82L, 0x3feeab07dd485429L, 0x3feea47eb03a5585L,
        0x3feea09e667f3bcdL, 0x3fee9f75e8ec5f74L, 0x3feea11473eb0187L, 0x3feea589994cce13L,
        0x3feeace5422aa0dbL, 0x3feeb737b0cdc5e5L, 0x3feec49182a3f090L, 0x3feed503b23e255dL,
        0x3feee89f995ad3adL, 0x3feeff76f2fb5e47L, 0x3fef199bdd85529cL, 0x3fef3720dcef9069L,
        0x3fef5818dcfba487L, 0x3fef7c97337b9b5fL, 0x3fefa4afa2a490daL, 0x3fefd0765b6e4540L};
    private static final double INV_LN2_32 = 0x1.71547652b82fep+0 * 32;
    /** INV_LN2_32 split so that either half times a float's 24-bit significand is exact in double. */
    private static final double INV_LN2_32_HI = Double.longBitsToDouble(
            Double.doubleToRawLongBits(INV_LN2_32) & ~((1L << 24) - 1));
    private static final double INV_LN2_32_LO = INV_LN2_32 - INV_LN2_32_HI;
    private static final double SHIFT = 0x1.8p+52;
    private static final double C0 = 0x1.c6af84b912394p-5 / 32 / 32 / 32;
    private static final double C1 = 0x1.ebfce50fac4f3p-3 / 32 / 32;
    private static final double C2 = 0x1.62e42ff0c52d6p-1 / 32;

    /**
     * glibc's expf (its FMA variant, which x86-64 CPUs with FMA run): k = round(x·32/ln2) and
     * r = x·32/ln2 − k each rounded once from the exact product (as the fused multiply-adds do; computed
     * here exactly without Math.fma, which may be slow or allocate where the CPU lacks FMA), then
     * 2^(k/32) from the table times a cubic in r, rounded to float.
     */
    public static float expf(float x) {
        int abstop = (Float.floatToRawIntBits(x) >>> 20) & 0x7ff;
        if (abstop >= 0x42b) { // |x| >= 88 or NaN
            if (x == Float.NEGATIVE_INFINITY) {
                return 0f;
            }
            if (abstop >= 0x7f8) {
                return x + x;
            }
            if (x > 0x1.62e42ep6f) {
                return Float.POSITIVE_INFINITY;
            }
            if (x < -0x1.9fe368p6f) {
                return 0f;
            }
        }
        double xd = x;
        double a = INV_LN2_32_HI * xd; // exact
        double b = INV_LN2_32_LO * xd; // exact
        double p = a + b;              // the product rounded
        double e = b - (p - a);        // and its exact rounding error
        double kd = (p + SHIFT) - SHIFT;
        double d = p - kd;             // exact
        if (d == 0.5 && e > 0) {       // the exact product lies beyond the tie p rounded
            kd += 1;
        } else if (d == -0.5 && e < 0) {
            kd -= 1;
        }
        double r = (p - kd) + e;       // p - kd exact: one rounding, as fma(x, 32/ln2, -kd)
        long k = (long) kd;
        double s = Double.longBitsToDouble(EXP2_TABLE[(int) (k & 31)] + (k << 47));
        double z = C0 * r + C1;
        double r2 = r * r;
        double y = C2 * r + 1;
        y = z * r2 + y;
        return (float) (y * s);
    }

    private static final float LN2_HI = 6.9313812256e-01f;
    private static final float LN2_LO = 9.0580006145e-06f;
    private static final float INV_LN2 = 1.4426950216e+00f;
    private static final float Q1 = -3.3333335072e-02f;
    private static final float Q2 = 1.5873016091e-03f;
    private static final float Q3 = -7.9365076090e-05f;
    private static final float Q4 = 4.0082177293e-06f;
    private static final float Q5 = -2.0109921195e-07f;

    /** glibc 2.36's expm1f (the fdlibm algorithm in float arithmetic). */
    public static float expm1f(float x) {
        int hx = Float.floatToRawIntBits(x);
        boolean negative = hx < 0;
        hx &= 0x7fffffff;
        if (hx >= 0x4195b844) { // |x| >= 27 ln2
            if (hx >= 0x42b17218) {
                if (hx > 0x7f800000) {
                    return x + x;
                }
                if (hx == 0x7f800000) {
                    return negative ? -1f : x;
                }
                if (x > 8.8721679688e+01f) {
                    return Float.POSITIVE_INFINITY;
                }
            }
            if (negative) {
                return 1.0e-30f - 1f;
            }
        }
        float c = 0f;
        int k;
        if (hx > 0x3eb17218) { // |x| > ln2 / 2: reduce by k ln2
            float hi;
            float lo;
            if (hx < 0x3f851592) {
                k = negative ? -1 : 1;
                hi = negative ? x + LN2_HI : x - LN2_HI;
                lo = negative ? -LN2_LO : LN2_LO;
            } else {
                k = (int) (INV_LN2 * x + (negative ? -0.5f : 0.5f));
                float t = k;
                hi = x - t * LN2_HI;
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x33000000) { // |x| < 2^-25
            return x;
        } else {
            k = 0;
        }
        float hfx = 0.5f * x;
        float hxs = x * hfx;
        float r1 = 1f + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        float t = 3.0f - r1 * hfx;
        float e = hxs * ((r1 - t) / (6.0f - x * t));
        if (k == 0) {
            return x - (x * e - hxs);
        }
        e = x * (e - c) - c;
        e -= hxs;
        if (k == -1) {
            return 0.5f * (x - e) - 0.5f;
        }
        if (k == 1) {
            return x < -0.25f ? -2.0f * (e - (x + 0.5f)) : 1f + 2.0f * (x - e);
        }
        float y;
        if (k <= -2 || k > 56) {
            y = 1f - (e - x);
            return scaleByExponent(y, k) - 1f;
        }
        if (k < 23) {
            t = Float.intBitsToFloat(0x3f800000 - (0x1000000 >> k)); // 1 - 2^-k
            y = t - (e - x);
        } else {
            t = Float.intBitsToFloat((0x7f - k) << 23); // 2^-k
            y = x - (e + t);
            y += 1f;
        }
        return scaleByExponent(y, k);
    }

    /** Adds k to the exponent field of y, as fdlibm's SET_FLOAT_WORD(y, i + (k << 23)). */
    private static float scaleByExponent(float y, int k) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(y) + (k << 23));
    }

    /** glibc 2.36's tanhf (fdlibm): from expm1f(±2|x|); ±1 beyond |x| = 22. */
    public static float tanhf(float x) {
        int jx = Float.floatToRawIntBits(x);
        int ix = jx & 0x7fffffff;
        if (ix >= 0x7f800000) {
            return jx >= 0 ? 1f / x + 1f : 1f / x - 1f; // ±1, or NaN
        }
        float z;
        if (ix < 0x41b00000) { // |x| < 22
            if (ix == 0) {
                return x;
            }
            if (ix < 0x24000000) { // |x| < 2^-55
                return x * (1f + x);
            }
            if (ix >= 0x3f800000) {
                float t = expm1f(2f * Math.abs(x));
                z = 1f - 2f / (t + 2f);
            } else {
                float t = expm1f(-2f * Math.abs(x));
                z = -t / (t + 2f);
            }
        } else {
            z = 1f - 1.0e-30f;
        }
        return jx >= 0 ? z : -z;
    }

    // logf: 16 subintervals of [0x1.66p-1, 0x1.66p0) with (1/c, log c) near their centers, ln 2, and the
    // cubic for log1p(r) less r (glibc's logf data, from Arm's optimized-routines)
    private static final double[] LOG_INVC = {
        0x1.661ec79f8f3bep+0, 0x1.571ed4aaf883dp+0, 0x1.49539f0f010bp+0, 0x1.3c995b0b80385p+0,
        0x1.30d190c8864a5p+0, 0x1.25e227b0b8eap+0, 0x1.1bb4a4a1a343fp+0, 0x1.12358f08ae5bap+0,
        0x1.0953f419900a7p+0, 0x1p+0, 0x1.e608cfd9a47acp-1, 0x1.ca4b31f026aap-1,
        0x1.b2036576afce6p-1, 0x1.9c2d163a1aa2dp-1, 0x1.886e6037841edp-1, 0x1.767dcf5534862p-1};
    private static final double[] LOG_C = {
        -0x1.57bf7808caadep-2, -0x1.2bef0a7c06ddbp-2, -0x1.01eae7f513a67p-2, -0x1.b31d8a68224e9p-3,
        -0x1.6574f0ac07758p-3, -0x1.1aa2bc79c81p-3, -0x1.a4e76ce8c0e5ep-4, -0x1.1973c5a611cccp-4,
        -0x1.252f438e10c1ep-5, 0x0p+0, 0x1.aa5aa5df25984p-5, 0x1.c5e53aa362eb4p-4,
        0x1.526e57720db08p-3, 0x1.bc2860d22477p-3, 0x1.1058bc8a07ee1p-2, 0x1.4043057b6ee09p-2};
    private static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double LOG_A0 = -0x1.00ea348b88334p-2;
    private static final double LOG_A1 = 0x1.5575b0be00b6ap-2;
    private static final double LOG_A2 = -0x1.ffffef20a4123p-2;
    private static final int LOG_OFF = 0x3f330000;

    /**
     * glibc 2.36's logf: x = 2^k·z with z in [0x1.66p-1, 0x1.66p0),
     * log(x) = log1p(z/c − 1) + log c + k·ln2 with (1/c, log c) from the subinterval's table entry and a
     * cubic for log1p, in double, rounded to float once. glibc's FMA build fuses five of the
     * multiply-adds; unfused, the float results are the same on every input (all 2^32 floats compared
     * with glibc 2.36's logf). log(1) = +0, log(±0) = −inf, log(+inf) = +inf, negative x the default NaN (sign set,
     * as x86's 0/0), NaN quieted.
     */
    public static float logf(float x) {
        int ix = Float.floatToRawIntBits(x);
        if (ix == 0x3f800000) {
            return 0f;
        }
        if (Integer.compareUnsigned(ix - 0x00800000, 0x7f800000 - 0x00800000) >= 0) {
            if (ix << 1 == 0) {
                return Float.NEGATIVE_INFINITY;
            }
            if (ix == 0x7f800000) {
                return x;
            }
            if (Integer.compareUnsigned(ix << 1, 0xff000000) > 0) {
                return Float.intBitsToFloat(ix | 0x00400000); // NaN: quieted
            }
            if (ix < 0) {
                return Float.intBitsToFloat(0xffc00000); // (x - x) / (x - x) on x86
            }
            ix = Float.floatToRawIntBits(x * 0x1p23f) - (23 << 23); // subnormal: normalized
        }
        int tmp = ix - LOG_OFF;
        int i = (tmp >>> 19) & 15;
        int k = tmp >> 23;
        double z = Float.intBitsToFloat(ix - (tmp & 0xff800000));
        double r = z * LOG_INVC[i] - 1.0;
        double y0 = LOG_C[i] + k * LN2;
        double r2 = r * r;
        double y = LOG_A1 * r + LOG_A2;
        y = LOG_A0 * r2 + y;
        y = y * r2 + (y0 + r);
        return (float) y;
    }

    /**
     * TFLite's reference float Logistic: 1 above 16.619047164916992188, expf(x) below -9, else
     * 1 / (1 + expf(-x)) in float.
     */
    public static float logistic(float x) {
        if (x > 16.619047164916992188f) {
            return 1f;
        }
        if (x < -9f) {
            return expf(x);
        }
        return 1f / (1f + expf(-x));
    }
}
