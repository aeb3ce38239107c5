/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.quant;

/**
 * The integer arithmetic of TensorFlow Lite's reference kernels (gemmlowp fixed point). Every
 * method reproduces the C++ result bit for bit, including wrap-around where C++ wraps.
 */
public final class FixedPoint {
    private FixedPoint() {}

    /** High 32 bits of 2*a*b, rounded to nearest; saturates the single overflow case MIN*MIN. */
    public static int saturatingRoundingDoublingHighMul(int a, int b) {
        if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * (long) b;
        long nudge = ab >= 0 ? (1L << 30) : (1L - (1L << 30));
        // C++ divides with truncation toward zero, like Java.
        return (int) ((ab + nudge) / (1L << 31));
    }

    /** x / 2^exponent rounded to nearest, ties away from zero; exponent in [0, 31]. */
    public static int roundingDivideByPOT(int x, int exponent) {
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /**
     * TFLite's default (double rounding) requantization: x * multiplier * 2^shift, where shift &gt; 0
     * shifts left before the multiply and shift &lt; 0 rounds right after it.
     */
    public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
        int leftShift = shift > 0 ? shift : 0;
        int rightShift = shift > 0 ? 0 : -shift;
        // x << leftShift wraps in 32 bits exactly as the C++ does in practice.
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
    }

    /**
     * Single-rounding requantization: x * multiplier / 2^(31 - shift) computed exactly in 64 bits and
     * rounded once, ties upward. TFLite 2.21's reference FULLY_CONNECTED rounds this way (the
     * double-rounding form above differs by one on ties, which the conformance corpora show).
     */
    public static int multiplyByQuantizedMultiplierSingleRounding(int x, int multiplier, int shift) {
        int totalShift = 31 - shift;
        if (totalShift <= 0) { // multiplier >= 2^31: no rounding, saturate like the kernels' int32 result
            long wide = ((long) x * multiplier) << -totalShift;
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, wide));
        }
        long rounded = (long) x * multiplier + (1L << (totalShift - 1));
        return (int) (rounded >> totalShift);
    }

    /**
     * TFLite's MultiplyByQuantizedMultiplier(int64_t x, ...) of the 16x8 kernels (identical with and
     * without TFLITE_SINGLE_ROUNDING): the multiplier reduced to 16 bits (rounded, saturated at 0x7FFF),
     * then x * reduced / 2^(15 - shift) rounded half up, in 64-bit arithmetic that wraps as the C++ does,
     * truncated to 32 bits. {@code shift} must be in [-48, 14] (TFLite documents -31 to 7).
     */
    public static int multiplyByQuantizedMultiplier64(long x, int multiplier, int shift) {
        long reduced = multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
        int totalShift = 15 - shift;
        long result = x * reduced + (1L << (totalShift - 1));
        return (int) (result >> totalShift);
    }

    /** Variant for multipliers known to be &lt; 1: shift is &lt;= 0. */
    public static int multiplyByQuantizedMultiplierSmallerThanOneExp(int x, int multiplier, int shift) {
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x, multiplier), -shift);
    }

    /** Variant for multipliers known to be &gt;= 1: shift is a left shift &gt;= 0. */
    public static int multiplyByQuantizedMultiplierGreaterThanOne(int x, int multiplier, int leftShift) {
        return saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier);
    }

    /** Saturating left shift by a constant, as gemmlowp's SaturatingRoundingMultiplyByPOT with a positive exponent. */
    public static int saturatingShiftLeft(int x, int exponent) {
        long shifted = (long) x << exponent;
        if (shifted > Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        if (shifted < Integer.MIN_VALUE) {
            return Integer.MIN_VALUE;
        }
        return (int) shifted;
    }

    /** Rounds half away from zero, like C's round(). */
    public static double roundHalfAwayFromZero(double x) {
        double a = Math.abs(x);
        double r = Math.floor(a);
        // a - floor(a) is exact in double, so the tie test is exact too.
        if (a - r >= 0.5) {
            r += 1.0;
        }
        return Math.copySign(r, x);
    }
}
