/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.quant.FixedPoint;

/**
 * gemmlowp's fixed-point exp and reciprocal on raw int32 values (Qm.n: raw / 2^n, n = 31 - m), as
 * TFLite's reference Softmax uses them for 8-bit inputs.
 */
final class SoftmaxFixedPoint {
    private SoftmaxFixedPoint() {}

    private static final int Q0_ONE = Integer.MAX_VALUE;
    /** exp(-2^k) in Q0.31 for k = -2 .. 4. */
    private static final int[] EXP_BARREL = {1672461947, 1302514674, 790015084, 290630308, 39332535, 720401, 242};

    static int mul(int a, int b) {
        return FixedPoint.saturatingRoundingDoublingHighMul(a, b);
    }

    /** x * 2^exponent: saturating left, rounding right. */
    static int multiplyByPOT(int x, int exponent) {
        if (exponent > 0) {
            return FixedPoint.saturatingShiftLeft(x, exponent);
        }
        return exponent < 0 ? FixedPoint.roundingDivideByPOT(x, -exponent) : x;
    }

    /** exp(a), a in [-1/4, 0) as Q0.31, by the Taylor expansion around -1/8. */
    private static int expQuarter(int a) {
        int constantTerm = 1895147668; // exp(-1/8)
        int oneThird = 715827883;
        int x = a + (1 << 28);
        int x2 = mul(x, x);
        int x3 = mul(x2, x);
        int x4 = mul(x2, x2);
        int x4Over4 = FixedPoint.roundingDivideByPOT(x4, 2);
        int poly = FixedPoint.roundingDivideByPOT(mul(x4Over4 + x3, oneThird) + x2, 1);
        return constantTerm + mul(constantTerm, x + poly);
    }

    /** exp(a) for a &lt;= 0 in Q(integerBits); result Q0.31. */
    static int expOnNegativeValues(int a, int integerBits) {
        int fractionalBits = 31 - integerBits;
        int oneQuarter = 1 << (fractionalBits - 2);
        int mask = oneQuarter - 1;
        int aModMinusQuarter = (a & mask) - oneQuarter;
        int result = expQuarter(multiplyByPOT(aModMinusQuarter, integerBits));
        int remainder = aModMinusQuarter - a;
        for (int k = -2; k <= 4; k++) {
            if (integerBits > k && (remainder & (1 << (fractionalBits + k))) != 0) {
                result = mul(result, EXP_BARREL[k + 2]);
            }
        }
        if (integerBits > 5 && a < -(1 << (36 - integerBits))) {
            result = 0;
        }
        return a == 0 ? Q0_ONE : result;
    }

    /** 1 / (1 + a) for a in [0, 1) as Q0.31, three Newton-Raphson steps. */
    static int oneOverOnePlusX(int a) {
        long sum = (long) a + Q0_ONE;
        int halfDenominator = (int) ((sum + (sum >= 0 ? 1 : -1)) / 2);
        int x = 1515870810 + mul(halfDenominator, -1010580540); // 48/17 - 32/17 d, Q2.29
        for (int i = 0; i < 3; i++) {
            int oneMinus = (1 << 29) - mul(halfDenominator, x);
            x = x + multiplyByPOT(mul(x, oneMinus), 2);
        }
        return multiplyByPOT(x, 1);
    }

    /** GetReciprocal's significand: 1 / (x normalised to [1, 2)) in Q0.31. */
    static int reciprocalScale(int x, int headroomPlusOne) {
        return oneOverOnePlusX((x << headroomPlusOne) - Integer.MIN_VALUE);
    }
}
