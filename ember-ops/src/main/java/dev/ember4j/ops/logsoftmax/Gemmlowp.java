/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logsoftmax;

import dev.ember4j.core.quant.FixedPoint;

/**
 * The gemmlowp fixed-point functions LOG_SOFTMAX needs, on raw int32 values (Qm.n: m integer bits,
 * n = 31 - m fractional). Products are SaturatingRoundingDoublingHighMul (integer bits add up),
 * additions and subtractions wrap as gemmlowp's int32 raws do.
 */
final class Gemmlowp {
    private Gemmlowp() {}

    private static final int Q0_ONE = Integer.MAX_VALUE;
    /** exp(-2^k) in Q0.31 for k = -2..4: the barrel shifter of gemmlowp's exp_on_negative_values (a constant, not allocated per call). */
    private static final int[] EXP_BARREL = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};

    static int mul(int a, int b) {
        return FixedPoint.saturatingRoundingDoublingHighMul(a, b);
    }

    /** gemmlowp Rescale / SaturatingRoundingMultiplyByPOT with a compile-time exponent. */
    static int multiplyByPOT(int x, int exponent) {
        if (exponent > 0) {
            return FixedPoint.saturatingShiftLeft(x, exponent);
        }
        if (exponent < 0) {
            return FixedPoint.roundingDivideByPOT(x, -exponent);
        }
        return x;
    }

    /**
     * TFLite's SaturatingRoundingMultiplyByPOTParam for exponent &gt;= 0: beyond +/-threshold the result
     * saturates, where threshold = 2^(31 - exponent) - 1.
     */
    static int multiplyByPOTParam(int x, int exponent) {
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

    static int roundingHalfSum(int a, int b) {
        long sum = (long) a + (long) b;
        long sign = sum >= 0 ? 1 : -1;
        return (int) ((sum + sign) / 2);
    }

    private static int saturatingAdd(int a, int b) {
        long s = (long) a + b;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, s));
    }

    private static int saturatingSub(int a, int b) {
        long s = (long) a - b;
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, s));
    }

    /** exp(a) for a Q0.31 value a in [-1/4, 0); Q0.31 result. */
    static int expOnIntervalBetweenNegativeOneQuarterAnd0Excl(int a) {
        final int constantTerm = 1895147668; // exp(-1/8)
        final int constantOneThird = 715827883;
        int x = a + (1 << 28);
        int x2 = mul(x, x);
        int x3 = mul(x2, x);
        int x4 = mul(x2, x2);
        int x4Over4 = FixedPoint.roundingDivideByPOT(x4, 2);
        int x4Over24PlusX3Over6PlusX2Over2 = FixedPoint.roundingDivideByPOT(mul(x4Over4 + x3, constantOneThird) + x2, 1);
        return constantTerm + mul(constantTerm, x + x4Over24PlusX3Over6PlusX2Over2);
    }

    /** exp(a) for a &lt;= 0 in Q(integerBits); Q0.31 result. */
    static int expOnNegativeValues(int a, int integerBits) {
        final int fractionalBits = 31 - integerBits;
        final int oneQuarter = 1 << (fractionalBits - 2);
        final int mask = oneQuarter - 1;
        final int aModQuarterMinusOneQuarter = (a & mask) - oneQuarter;
        int result = expOnIntervalBetweenNegativeOneQuarterAnd0Excl(multiplyByPOT(aModQuarterMinusOneQuarter, integerBits));
        final int remainder = aModQuarterMinusOneQuarter - a;
        for (int k = -2; k <= 4; k++) {
            if (integerBits > k) {
                int shift = fractionalBits + k;
                if (shift >= 0 && shift < 32 && (remainder & (1 << shift)) != 0) {
                    result = mul(result, EXP_BARREL[k + 2]);
                }
            }
        }
        if (integerBits > 5) {
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

    /** gemmlowp's one_over_one_plus_x_for_x_in_0_1: Q0.31 in, Q0.31 out. */
    static int oneOverOnePlusXForXIn0To1(int a) {
        int halfDenominator = roundingHalfSum(a, Q0_ONE);
        int x = 1515870810 + mul(halfDenominator, -1010580540); // Q2.29
        for (int i = 0; i < 3; i++) {
            int halfDenominatorTimesX = mul(halfDenominator, x);
            int oneMinus = (1 << 29) - halfDenominatorTimesX;
            x = x + multiplyByPOT(mul(x, oneMinus), 2);
        }
        return multiplyByPOT(x, 1);
    }

    /**
     * TFLite's log_x_for_x_greater_than_or_equal_to_1_impl: the log of a Q(inputIntegerBits) value
     * &gt;= 1 (in practice &gt;= 1/max), as a Q(outputIntegerBits) raw.
     */
    static int logXForXGreaterThanOrEqualTo1(int input, int inputIntegerBits, int outputIntegerBits) {
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
