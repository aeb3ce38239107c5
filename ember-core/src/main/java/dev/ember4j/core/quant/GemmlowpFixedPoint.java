/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.quant;

import dev.ember4j.core.quant.FixedPoint;

/**
 * The gemmlowp fixed-point functions the int8 softmax needs, on raw int32 values. A value in format
 * Qm.n (m integer bits, n = 31 - m fractional bits) is the raw integer divided by 2^n. Multiplying
 * two raws with {@link FixedPoint#saturatingRoundingDoublingHighMul} gives a raw whose integer bits
 * are the sum of the operands' integer bits; additions are plain (wrapping) int32 additions, as in
 * gemmlowp for 32-bit raws.
 */
public final class GemmlowpFixedPoint {
    private GemmlowpFixedPoint() {}

    /** The largest Q0.31 raw; gemmlowp's One() for zero integer bits (1.0 is not representable). */
    public static final int Q0_ONE = Integer.MAX_VALUE;

    /** exp(-1/8) in Q0.31, the centre of the Taylor expansion below. */
    public static final int EXP_MINUS_ONE_EIGHTH = 1895147668;
    /** 1/3 in Q0.31. */
    public static final int ONE_THIRD = 715827883;

    /** exp(-2^k) in Q0.31 for k = -2 .. 4 (index k + 2): the barrel shifter of exp_on_negative_values. */
    public static final int EXP_MINUS_QUARTER = 1672461947;
    public static final int EXP_MINUS_HALF = 1302514674;
    public static final int EXP_MINUS_1 = 790015084;
    public static final int EXP_MINUS_2 = 290630308;
    public static final int EXP_MINUS_4 = 39332535;
    public static final int EXP_MINUS_8 = 720401;
    public static final int EXP_MINUS_16 = 242;

    /** 48/17 and -32/17 in Q2.29: the Newton-Raphson starting line for 1/d with d in [1/2, 1]. */
    public static final int FORTY_EIGHT_SEVENTEENTHS = 1515870810;
    public static final int MINUS_THIRTY_TWO_SEVENTEENTHS = -1010580540;

    /** 1.0 in Q2.29. */
    private static final int Q2_ONE = 1 << 29;

    /** Fixed-point product of two raws (integer bits add up). */
    public static int mul(int a, int b) {
        return FixedPoint.saturatingRoundingDoublingHighMul(a, b);
    }

    /**
     * gemmlowp Rescale / SaturatingRoundingMultiplyByPOT: x * 2^exponent, saturating when exponent
     * is positive and rounding to nearest (ties away from zero) when it is negative.
     */
    public static int multiplyByPOT(int x, int exponent) {
        if (exponent > 0) {
            return FixedPoint.saturatingShiftLeft(x, exponent);
        }
        if (exponent < 0) {
            return FixedPoint.roundingDivideByPOT(x, -exponent);
        }
        return x;
    }

    /** (a + b) / 2 rounded to nearest, ties away from zero, computed without overflow. */
    public static int roundingHalfSum(int a, int b) {
        long sum = (long) a + (long) b;
        long sign = sum >= 0 ? 1 : -1;
        return (int) ((sum + sign) / 2); // truncating division, as in C++
    }

    /** exp(a) for a Q0.31 value a in [-1/4, 0); result in Q0.31. */
    public static int expOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a) {
        // Taylor expansion of exp around -1/8: exp(a) = exp(-1/8) * exp(x) with x = a + 1/8.
        int x = a + (1 << 28);
        int x2 = mul(x, x);
        int x3 = mul(x2, x);
        int x4 = mul(x2, x2);
        int x4Over4 = FixedPoint.roundingDivideByPOT(x4, 2);
        // ((x^4/4 + x^3) / 3 + x^2) / 2 = x^4/24 + x^3/6 + x^2/2
        int higherTerms = FixedPoint.roundingDivideByPOT(mul(x4Over4 + x3, ONE_THIRD) + x2, 1);
        return EXP_MINUS_ONE_EIGHTH + mul(EXP_MINUS_ONE_EIGHTH, x + higherTerms);
    }

    /**
     * exp(a) for a value a &lt;= 0 in Q(integerBits).(31 - integerBits); result in Q0.31. The input is
     * split into a remainder in [-1/4, 0) handled by the polynomial, and multiples of 1/4, 1/2, 1, 2,
     * 4, 8, 16 applied as products with constants, selected by the bits of the input.
     */
    public static int expOnNegativeValues(int a, int integerBits) {
        final int fractionalBits = 31 - integerBits;
        final int oneQuarter = 1 << (fractionalBits - 2);
        final int mask = oneQuarter - 1;
        final int aModQuarterMinusOneQuarter = (a & mask) - oneQuarter;
        int result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(
                multiplyByPOT(aModQuarterMinusOneQuarter, integerBits));
        // remainder = (multiple of 1/4 that was taken off a), as a non-negative raw in the input format
        final int remainder = aModQuarterMinusOneQuarter - a;

        result = barrelShift(result, remainder, integerBits, fractionalBits, -2, EXP_MINUS_QUARTER);
        result = barrelShift(result, remainder, integerBits, fractionalBits, -1, EXP_MINUS_HALF);
        result = barrelShift(result, remainder, integerBits, fractionalBits, 0, EXP_MINUS_1);
        result = barrelShift(result, remainder, integerBits, fractionalBits, 1, EXP_MINUS_2);
        result = barrelShift(result, remainder, integerBits, fractionalBits, 2, EXP_MINUS_4);
        result = barrelShift(result, remainder, integerBits, fractionalBits, 3, EXP_MINUS_8);
        result = barrelShift(result, remainder, integerBits, fractionalBits, 4, EXP_MINUS_16);

        if (integerBits > 5) {
            // Below -32 the result is flushed to zero (only reachable with more than 5 integer bits).
            final int clamp = -(1 << (36 - integerBits));
            if (a < clamp) {
                result = 0;
            }
        }
        if (a == 0) {
            result = Q0_ONE;
        }
        return result;
    }

    /** Multiplies by exp(-2^exponent) when the bit worth 2^exponent is set in the remainder. */
    private static int barrelShift(int result, int remainder, int integerBits, int fractionalBits,
                                   int exponent, int multiplier) {
        if (integerBits > exponent && (remainder & (1 << (fractionalBits + exponent))) != 0) {
            return mul(result, multiplier);
        }
        return result;
    }

    /** 1 / (1 + a) for a Q0.31 value a in [0, 1); result in Q0.31, by three Newton-Raphson steps. */
    public static int oneOverOnePlusXForXIn0To1(int a) {
        // Divide by d = (1 + a) / 2, which lies in [1/2, 1), then halve the quotient.
        final int halfDenominator = roundingHalfSum(a, Q0_ONE);
        int x = FORTY_EIGHT_SEVENTEENTHS + mul(halfDenominator, MINUS_THIRTY_TWO_SEVENTEENTHS); // Q2.29
        for (int i = 0; i < 3; i++) {
            int halfDenominatorTimesX = mul(halfDenominator, x); // Q2.29
            int oneMinusHalfDenominatorTimesX = Q2_ONE - halfDenominatorTimesX; // Q2.29
            // x * (1 - d*x) is Q4.27; bring it back to Q2.29.
            x = x + multiplyByPOT(mul(x, oneMinusHalfDenominatorTimesX), 2);
        }
        // x / 2, reinterpreted as Q1.30, rescaled to Q0.31.
        return multiplyByPOT(x, 1);
    }

    /**
     * The significand part of TFLite's GetReciprocal: for a positive raw x with {@code
     * headroomPlusOne} leading zeros, 1 / (x normalised into [1, 2)) in Q0.31. The caller derives
     * {@code numBitsOverUnit = integerBits - headroomPlusOne}.
     */
    public static int reciprocalScale(int x, int headroomPlusOne) {
        // (x << headroomPlusOne) is the normalised value with its leading 1 shifted out at bit 31,
        // i.e. 1 + f in unsigned Q1.31; subtracting 2^31 (mod 2^32) leaves f in Q0.31.
        int shiftedMinusOne = (x << headroomPlusOne) - Integer.MIN_VALUE;
        return oneOverOnePlusXForXIn0To1(shiftedMinusOne);
    }

    /**
     * TFLite's SaturatingRoundingMultiplyByPOTParam for exponent &gt;= 0: beyond +/-threshold the result
     * saturates, where threshold = 2^(31 - exponent) - 1.
     */
    public static int multiplyByPOTParam(int x, int exponent) {
        if (exponent == 0) {
            return x;
        }
        int threshold = (int) ((1L << (31 - exponent)) - 1);
        if (x > threshold) {
            return Integer.MAX_VALUE;
        }
        if (x < -threshold) {
            return Integer.MIN_VALUE;
        }
        return x << exponent;
    }

    private static int saturatingAdd(int a, int b) {
        long s = (long) a + b;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, s));
    }

    private static int saturatingSub(int a, int b) {
        long s = (long) a - b;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, s));
    }

    /**
     * TFLite's log_x_for_x_greater_than_or_equal_to_1_impl: the log of a Q(inputIntegerBits) value
     * &gt;= 1 (in practice &gt;= 1/max), as a Q(outputIntegerBits) raw.
     */
    public static int logXForXGreaterThanOrEqualTo1(int input, int inputIntegerBits, int outputIntegerBits) {
        final int accumIntegerBits = outputIntegerBits + 1;
        final int log2 = 1488522236;
        final int sqrtSqrtHalf = 1805811301;
        final int sqrtHalf = 1518500250;
        final int oneQuarter = 536870912;
        final int alphaN = 117049297;
        final int alphaD = 127690142;
        final int alphaI = 1057819769;
        final int alphaF = 638450708;
        final int shiftedQuarter = multiplyByPOT(oneQuarter, -accumIntegerBits);

        int zA = input;
        int zAHeadroomPlus1 = Integer.numberOfLeadingZeros(zA);
        int rATmp = multiplyByPOTParam(zA, zAHeadroomPlus1 - 1);
        int rARaw = multiplyByPOTParam(mul(rATmp, sqrtHalf), 1);
        int zAPow2Adj = saturatingAdd(
                multiplyByPOTParam(inputIntegerBits - zAHeadroomPlus1, 31 - accumIntegerBits), shiftedQuarter);

        int zB = mul(zA, sqrtHalf);
        int zBHeadroom = Integer.numberOfLeadingZeros(zB) - 1;
        int rBRaw = multiplyByPOTParam(zA, zBHeadroom);
        int zBPow2Adj = saturatingSub(
                multiplyByPOTParam(inputIntegerBits - zBHeadroom, 31 - accumIntegerBits), shiftedQuarter);

        int r = Math.min(rARaw, rBRaw);
        int zPow2Adj = Math.max(zAPow2Adj, zBPow2Adj);

        int p = roundingHalfSum(r, sqrtSqrtHalf);
        int q = r - sqrtSqrtHalf;
        q = q + q;

        int commonSq = mul(q, q);
        int num = mul(q, r) + mul(mul(q, commonSq), alphaN);
        int denomMinusOne0 = mul(p, alphaI + q + mul(alphaD, commonSq)) + mul(alphaF, q);
        int recipDenom = oneOverOnePlusXForXIn0To1(denomMinusOne0);

        int numScaled = multiplyByPOT(num, -accumIntegerBits);
        return multiplyByPOT(mul(zPow2Adj, log2) + mul(numScaled, recipDenom), accumIntegerBits - outputIntegerBits);
    }
}
