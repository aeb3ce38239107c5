/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FixedPointTest {

    private static final int HALF = 1 << 30; // 0.5 as a Q0.31 multiplier

    @Test
    void doublingHighMulSaturatesOnlyMinTimesMin() {
        // (-1) * (-1) = 1 is not representable in Q0.31: saturates to the largest value.
        assertEquals(Integer.MAX_VALUE, FixedPoint.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MIN_VALUE));
        // -1 * (1 - 2^-31) = -1 + 2^-31, raw -2^31 + 1: no saturation.
        assertEquals(-Integer.MAX_VALUE, FixedPoint.saturatingRoundingDoublingHighMul(Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void doublingHighMulIsAProductInQ031() {
        assertEquals(1 << 29, FixedPoint.saturatingRoundingDoublingHighMul(HALF, HALF)); // 0.5 * 0.5 = 0.25
        assertEquals(-(1 << 29), FixedPoint.saturatingRoundingDoublingHighMul(-HALF, HALF));
        assertEquals(0, FixedPoint.saturatingRoundingDoublingHighMul(0, Integer.MIN_VALUE));
        assertEquals(50, FixedPoint.saturatingRoundingDoublingHighMul(100, HALF));
    }

    @Test
    void doublingHighMulRoundsTiesUpward() {
        // 3 * 0.5 = 1.5 -> 2; -3 * 0.5 = -1.5 -> -1 (the nudge makes ties go toward +infinity).
        assertEquals(2, FixedPoint.saturatingRoundingDoublingHighMul(3, HALF));
        assertEquals(-1, FixedPoint.saturatingRoundingDoublingHighMul(-3, HALF));
        // -1 * 0.5 = -0.5 -> 0; 1 * 0.5 = 0.5 -> 1
        assertEquals(0, FixedPoint.saturatingRoundingDoublingHighMul(-1, HALF));
        assertEquals(1, FixedPoint.saturatingRoundingDoublingHighMul(1, HALF));
        // -1.6 -> -2 (not a tie): -16 * 0.1 is awkward, use -13 * 0.25 = -3.25 -> -3
        assertEquals(-3, FixedPoint.saturatingRoundingDoublingHighMul(-13, 1 << 29));
    }

    @Test
    void roundingDivideByPOTRoundsTiesAwayFromZero() {
        assertEquals(7, FixedPoint.roundingDivideByPOT(7, 0));
        assertEquals(3, FixedPoint.roundingDivideByPOT(5, 1));   // 2.5 -> 3
        assertEquals(-3, FixedPoint.roundingDivideByPOT(-5, 1)); // -2.5 -> -3
        assertEquals(-2, FixedPoint.roundingDivideByPOT(-6, 2)); // -1.5 -> -2
        assertEquals(-1, FixedPoint.roundingDivideByPOT(-5, 2)); // -1.25 -> -1
        assertEquals(-2, FixedPoint.roundingDivideByPOT(-7, 2)); // -1.75 -> -2
        assertEquals(0, FixedPoint.roundingDivideByPOT(-1, 2));  // -0.25 -> 0
        assertEquals(2, FixedPoint.roundingDivideByPOT(7, 2));   // 1.75 -> 2
    }

    @Test
    void roundingDivideByPOTAtExponent31() {
        assertEquals(-1, FixedPoint.roundingDivideByPOT(Integer.MIN_VALUE, 31)); // -1 exactly
        assertEquals(1, FixedPoint.roundingDivideByPOT(Integer.MAX_VALUE, 31));  // 1 - 2^-31 -> 1
        assertEquals(1, FixedPoint.roundingDivideByPOT(1 << 30, 31));            // 0.5 -> 1
        assertEquals(-1, FixedPoint.roundingDivideByPOT(-(1 << 30), 31));        // -0.5 -> -1
        assertEquals(0, FixedPoint.roundingDivideByPOT((1 << 30) - 1, 31));      // just below 0.5 -> 0
    }

    @Test
    void multiplyByQuantizedMultiplierWithPositiveShift() {
        // multiplier 0.5 * 2^1 = 1.0
        assertEquals(100, FixedPoint.multiplyByQuantizedMultiplier(100, HALF, 1));
        assertEquals(-100, FixedPoint.multiplyByQuantizedMultiplier(-100, HALF, 1));
        // 0.5 * 2^3 = 4
        assertEquals(400, FixedPoint.multiplyByQuantizedMultiplier(100, HALF, 3));
        // 0.75 * 2^2 = 3
        assertEquals(-21, FixedPoint.multiplyByQuantizedMultiplier(-7, 3 << 29, 2));
    }

    @Test
    void multiplyByQuantizedMultiplierWithNegativeShift() {
        // 0.5 * 2^-2 = 0.125: 100 -> 12.5 -> 13, -100 -> -12.5 -> -13
        assertEquals(13, FixedPoint.multiplyByQuantizedMultiplier(100, HALF, -2));
        assertEquals(-13, FixedPoint.multiplyByQuantizedMultiplier(-100, HALF, -2));
        // 0.5 * 2^0: 7 -> 3.5 rounds up in the high multiply -> 4
        assertEquals(4, FixedPoint.multiplyByQuantizedMultiplier(7, HALF, 0));
    }

    @Test
    void multiplyByQuantizedMultiplierRoundsTwice() {
        // 1 * 0.25 = 0.25 rounds to 0 exactly, but TFLite first rounds 1 * 0.5 = 0.5 up to 1, then
        // divides by 2 with ties away from zero: 1.
        assertEquals(1, FixedPoint.multiplyByQuantizedMultiplier(1, HALF, -1));
    }

    @Test
    void singleRoundingRoundsOnceWithTiesUpward() {
        // 0.25 = 2^30 * 2^(-1 - 31): 1 -> 0.25 -> 0 (the double-rounding form gives 1)
        assertEquals(0, FixedPoint.multiplyByQuantizedMultiplierSingleRounding(1, HALF, -1));
        assertEquals(1, FixedPoint.multiplyByQuantizedMultiplierSingleRounding(5, HALF, -1));   // 1.25 -> 1
        assertEquals(3, FixedPoint.multiplyByQuantizedMultiplierSingleRounding(10, HALF, -1));  // 2.5 -> 3
        assertEquals(-2, FixedPoint.multiplyByQuantizedMultiplierSingleRounding(-10, HALF, -1)); // -2.5 -> -2
        assertEquals(-1, FixedPoint.multiplyByQuantizedMultiplierSingleRounding(-3, HALF, -1));  // -0.75 -> -1
        // 1.0 and 4.0 are exact
        assertEquals(-100, FixedPoint.multiplyByQuantizedMultiplierSingleRounding(-100, HALF, 1));
        assertEquals(400, FixedPoint.multiplyByQuantizedMultiplierSingleRounding(100, HALF, 3));
    }

    @Test
    void multiplyByQuantizedMultiplierLeftShiftWrapsLikeCpp() {
        // (1 << 30) * 4 overflows 32 bits to 0 before the multiply.
        assertEquals(0, FixedPoint.multiplyByQuantizedMultiplier(1 << 30, HALF, 2));
    }

    @Test
    void smallerThanOneAndGreaterThanOneVariants() {
        // 0.75 * 2^-1 = 0.375: 8 -> 3
        assertEquals(3, FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(8, 3 << 29, -1));
        assertEquals(-3, FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(-8, 3 << 29, -1));
        // 0.75 * 2^4 = 12: -5 -> -60
        assertEquals(-60, FixedPoint.multiplyByQuantizedMultiplierGreaterThanOne(-5, 3 << 29, 4));
    }

    @Test
    void saturatingShiftLeft() {
        assertEquals(48, FixedPoint.saturatingShiftLeft(3, 4));
        assertEquals(Integer.MAX_VALUE, FixedPoint.saturatingShiftLeft(1 << 29, 2));
        assertEquals(Integer.MIN_VALUE, FixedPoint.saturatingShiftLeft(-(1 << 29), 2)); // exactly -2^31
        assertEquals(Integer.MIN_VALUE, FixedPoint.saturatingShiftLeft(-(1 << 29) - 1, 2));
        assertEquals(-12, FixedPoint.saturatingShiftLeft(-3, 2));
    }

    @Test
    void roundHalfAwayFromZeroMatchesCRound() {
        assertEquals(3.0, FixedPoint.roundHalfAwayFromZero(2.5));
        assertEquals(-3.0, FixedPoint.roundHalfAwayFromZero(-2.5));
        assertEquals(-1.0, FixedPoint.roundHalfAwayFromZero(-0.5));
        assertEquals(1.0, FixedPoint.roundHalfAwayFromZero(1.4));
        assertEquals(2.0, FixedPoint.roundHalfAwayFromZero(1.5));
        assertEquals(1073741824.0, FixedPoint.roundHalfAwayFromZero(1073741823.5));
    }

    /**
     * The largest double below 0.5: 0.49999999999999994 + 0.5 rounds up to 1.0 in double arithmetic,
     * but C's round() gives 0; a floor-then-compare implementation must not add 0.5 first.
     */
    @Test
    void roundHalfAwayFromZeroJustBelowOneHalf() {
        assertEquals(0.0, FixedPoint.roundHalfAwayFromZero(0.49999999999999994));
        assertEquals(-0.0, FixedPoint.roundHalfAwayFromZero(-0.49999999999999994));
    }

    /** The 16x8 kernels' int64 requantization: 16-bit reduced multiplier, one rounding (half up). */
    @Test
    void multiplyByQuantizedMultiplier64() {
        // 0.5: reduced multiplier 2^14, total shift 15; 1.5 rounds up to 2, -1.5 up to -1
        assertEquals(2, FixedPoint.multiplyByQuantizedMultiplier64(3, 1 << 30, 0));
        assertEquals(-1, FixedPoint.multiplyByQuantizedMultiplier64(-3, 1 << 30, 0));
        // multipliers from 0x7FFF0000 up saturate the reduced multiplier at 0x7FFF
        assertEquals(524272, FixedPoint.multiplyByQuantizedMultiplier64(1L << 20, 0x7FFFFFFF, -1));
        assertEquals(524272, FixedPoint.multiplyByQuantizedMultiplier64(1L << 20, 0x7FFF0000, -1));
        // left shift 3: x * 0.75 * 8
        assertEquals(6000, FixedPoint.multiplyByQuantizedMultiplier64(1000, 3 << 29, 3));
        java.util.Random r = new java.util.Random(7);
        for (int k = 0; k < 10000; k++) {
            long x = r.nextLong() >> 17; // |x| < 2^47
            int m = (1 << 30) + r.nextInt(1 << 30);
            int shift = -31 + r.nextInt(39);
            long reduced = m < 0x7FFF0000 ? (m + (1 << 15)) >> 16 : 0x7FFF;
            java.math.BigInteger v = java.math.BigInteger.valueOf(x).multiply(java.math.BigInteger.valueOf(reduced))
                    .add(java.math.BigInteger.ONE.shiftLeft(14 - shift)).shiftRight(15 - shift);
            assertEquals(v.intValue(), FixedPoint.multiplyByQuantizedMultiplier64(x, m, shift));
        }
    }
}
