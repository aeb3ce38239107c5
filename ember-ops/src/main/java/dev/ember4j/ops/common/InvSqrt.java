/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.quant.FixedPoint;

/**
 * TFLite's GetInvSqrtQuantizedMultiplierExp with reverse_shift -1 (L2_NORMALIZATION, the integer LSTM's
 * layer norm): 1/sqrt(input) as a Q0.31 multiplier and a left shift, by five Newton-Raphson steps in
 * gemmlowp Q3.28 arithmetic. Packed in a long so that kernels call it without allocating.
 */
public final class InvSqrt {
    private InvSqrt() {}

    /** The multiplier in the high 32 bits, the (left) shift in the low 32 bits. */
    public static long packed(int input) {
        if (input <= 1) {
            return pack(Integer.MAX_VALUE, 0);
        }
        int shift = 11;
        while (input >= (1 << 29)) {
            input /= 4;
            shift++;
        }
        int maxLeftShiftBits = Integer.numberOfLeadingZeros(input) - 1;
        int leftShiftBitPairs = maxLeftShiftBits / 2 - 1;
        shift -= leftShiftBitPairs;
        input <<= 2 * leftShiftBitPairs;
        // Q3.28 fixed point (3 integer bits)
        int fixedInput = input >> 1;
        int halfInput = FixedPoint.roundingDivideByPOT(fixedInput, 1);
        int halfThree = (1 << 28) + (1 << 27);
        int xv = 1 << 28; // 1.0
        for (int i = 0; i < 5; i++) {
            // x*x*x: Q3 * Q3 -> Q6, Q6 * Q3 -> Q9, rescaled to Q3
            int x2 = FixedPoint.saturatingRoundingDoublingHighMul(xv, xv);
            int x3 = FixedPoint.saturatingRoundingDoublingHighMul(x2, xv);
            x3 = FixedPoint.saturatingShiftLeft(x3, 6);
            // 1.5 * x - (input / 2) * x^3: two Q6 products, difference rescaled to Q3
            int t1 = FixedPoint.saturatingRoundingDoublingHighMul(halfThree, xv);
            int t2 = FixedPoint.saturatingRoundingDoublingHighMul(halfInput, x3);
            xv = FixedPoint.saturatingShiftLeft(t1 - t2, 3);
        }
        // times sqrt(2)/2 in Q0.31, staying Q3
        int inv = FixedPoint.saturatingRoundingDoublingHighMul(xv, 1518500250);
        if (shift < 0) {
            inv <<= -shift;
            shift = 0;
        }
        return pack(inv, -shift);
    }

    private static long pack(int multiplier, int shift) {
        return ((long) multiplier << 32) | (shift & 0xffffffffL);
    }
}
