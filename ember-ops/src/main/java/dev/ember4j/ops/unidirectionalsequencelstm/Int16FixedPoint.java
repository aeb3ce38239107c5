/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unidirectionalsequencelstm;

import dev.ember4j.core.quant.FixedPoint;

/**
 * gemmlowp's logistic and tanh on 16-bit fixed point (FixedPoint&lt;int16_t, IntegerBits&gt;), which
 * TFLite's integer LSTM applies to its gates (PortableApplySigmoid / PortableApplyTanh). Every value is
 * an int16 raw held in an int; additions, subtractions and negations wrap to 16 bits as the C++ does,
 * and the 32-bit constants are rounded to 16 bits as gemmlowp's RescaleConstantInitializer does.
 */
final class Int16FixedPoint {
    private Int16FixedPoint() {}

    private static final int ONE_Q0 = 32767; // One() with 0 integer bits
    private static final int EXP_MINUS_ONE_EIGHTH = constant(1895147668);
    private static final int ONE_THIRD = constant(715827883);
    private static final int FORTY_EIGHT_SEVENTEENTHS = constant(1515870810); // Q2.13
    private static final int MINUS_THIRTY_TWO_SEVENTEENTHS = constant(-1010580540); // Q2.13
    private static final int ONE_HALF = constant(1 << 30);
    /** exp(-2^k) for k = -2 .. 4 in Q0.15 (the barrel shifter of exp_on_negative_values). */
    private static final int[] EXP_BARREL = {
        constant(1672461947), constant(1302514674), constant(790015084), constant(290630308), constant(39332535),
        constant(720401), constant(242),
    };

    /** logistic(x) in Q0.15 of a raw in Q{integerBits}. */
    static int logistic(int a, int integerBits) {
        boolean positive = a > 0;
        int abs = positive ? a : neg(a);
        int resultIfPositive = oneOverOnePlusX(expOnNegativeValues(neg(abs), integerBits));
        if (a == 0) {
            return ONE_HALF;
        }
        return positive ? resultIfPositive : sub(ONE_Q0, resultIfPositive);
    }

    /** tanh(x) in Q0.15 of a raw in Q{integerBits}. */
    static int tanh(int a, int integerBits) {
        boolean negative = a < 0;
        int n = negative ? a : neg(a);
        // ExactMulByPot<1>: the same raw read with one more integer bit
        int t = oneMinusXOverOnePlusX(expOnNegativeValues(n, integerBits + 1));
        if (a == 0) {
            return 0;
        }
        return negative ? neg(t) : t;
    }

    /** exp(a) in Q0.15 for a raw a &lt;= 0 in Q{integerBits}. */
    static int expOnNegativeValues(int a, int integerBits) {
        int fractionalBits = 15 - integerBits;
        int oneQuarter = s16(1 << (fractionalBits - 2));
        int mask = sub(oneQuarter, 1);
        int aModQuarterMinusQuarter = sub(a & mask, oneQuarter);
        int result = expOnIntervalMinusQuarterToZero(multiplyByPot(aModQuarterMinusQuarter, integerBits));
        int remainder = sub(aModQuarterMinusQuarter, a);
        for (int k = 0; k < EXP_BARREL.length; k++) {
            int exponent = k - 2;
            if (integerBits > exponent) {
                int shiftAmount = fractionalBits + exponent;
                if ((remainder & s16(1 << shiftAmount)) != 0) {
                    result = mul(result, EXP_BARREL[k]);
                }
            }
        }
        if (integerBits > 5) {
            int clamp = constant(-(1 << (36 - integerBits)));
            if (a < clamp) {
                result = 0;
            }
        }
        return a == 0 ? ONE_Q0 : result;
    }

    /** exp(a) for a in [-1/4, 0), Q0.15 in and out: Taylor expansion around -1/8. */
    private static int expOnIntervalMinusQuarterToZero(int a) {
        int x = add(a, 1 << 12); // + 1/8
        int x2 = mul(x, x);
        int x3 = mul(x2, x);
        int x4 = mul(x2, x2);
        int x4Over4 = multiplyByPot(x4, -2);
        int poly = multiplyByPot(add(mul(add(x4Over4, x3), ONE_THIRD), x2), -1);
        return saturatingAdd(EXP_MINUS_ONE_EIGHTH, mul(EXP_MINUS_ONE_EIGHTH, add(x, poly)));
    }

    /** 1 / (1 + a) for a in (0, 1), Q0.15: three Newton-Raphson steps in Q2.13. */
    private static int oneOverOnePlusX(int a) {
        return multiplyByPot(newtonReciprocal(a), 1); // ExactMulByPot<-1> then Rescale<0> from Q1
    }

    /** (1 - a) / (1 + a) for a in (0, 1), Q0.15. */
    private static int oneMinusXOverOnePlusX(int a) {
        return multiplyByPot(sub(newtonReciprocal(a), 1 << 13), 2); // x - One() in Q2, Rescale<0>
    }

    /** 2 / (1 + a) in Q2.13 (x of gemmlowp's division loop, 1/half_denominator). */
    private static int newtonReciprocal(int a) {
        int halfDenominator = roundingHalfSum(a, ONE_Q0);
        int x = add(FORTY_EIGHT_SEVENTEENTHS, mul(halfDenominator, MINUS_THIRTY_TWO_SEVENTEENTHS));
        for (int i = 0; i < 3; i++) {
            int halfDenominatorTimesX = mul(halfDenominator, x);
            int oneMinus = sub(1 << 13, halfDenominatorTimesX);
            x = add(x, multiplyByPot(mul(x, oneMinus), 2)); // Q4 product rescaled to Q2
        }
        return x;
    }

    /** gemmlowp's 16-bit SaturatingRoundingDoublingHighMul. */
    static int mul(int a, int b) {
        if (a == b && a == Short.MIN_VALUE) {
            return Short.MAX_VALUE;
        }
        int ab = a * b;
        int nudge = ab >= 0 ? (1 << 14) : (1 - (1 << 14));
        return s16((ab + nudge) / (1 << 15));
    }

    /** SaturatingRoundingMultiplyByPOT on a 16-bit raw: saturating left or rounding right shift. */
    static int multiplyByPot(int x, int exponent) {
        if (exponent == 0) {
            return x;
        }
        if (exponent < 0) {
            return s16(FixedPoint.roundingDivideByPOT(x, -exponent));
        }
        int threshold = (1 << (15 - exponent)) - 1;
        if (x > threshold) {
            return Short.MAX_VALUE;
        }
        if (x < -threshold) {
            return Short.MIN_VALUE;
        }
        return x << exponent;
    }

    private static int roundingHalfSum(int a, int b) {
        int sum = a + b;
        int sign = sum >= 0 ? 1 : -1;
        return s16((sum + sign) / 2);
    }

    private static int saturatingAdd(int a, int b) {
        return Math.min(32767, Math.max(-32768, a + b));
    }

    /** A Q0.31 gemmlowp constant rounded to 16 bits (RescaleConstantInitializer). */
    private static int constant(int int32Value) {
        return s16(FixedPoint.roundingDivideByPOT(int32Value, 16));
    }

    private static int add(int a, int b) {
        return s16(a + b);
    }

    private static int sub(int a, int b) {
        return s16(a - b);
    }

    private static int neg(int a) {
        return s16(-a);
    }

    private static int s16(int v) {
        return (short) v;
    }
}
