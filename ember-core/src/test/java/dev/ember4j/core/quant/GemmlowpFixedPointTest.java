/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GemmlowpFixedPointTest {

    private static final double TWO_31 = 0x1p31;

    /** gemmlowp's FromDouble for Q0.31: round(x * 2^31). */
    private static long q031(double x) {
        return Math.round(x * TWO_31);
    }

    @Test
    void constantsAreTheRoundedRealValues() {
        assertEquals(q031(Math.exp(-1.0 / 8)), GemmlowpFixedPoint.EXP_MINUS_ONE_EIGHTH);
        assertEquals(q031(1.0 / 3), GemmlowpFixedPoint.ONE_THIRD);
        assertEquals(q031(Math.exp(-0.25)), GemmlowpFixedPoint.EXP_MINUS_QUARTER);
        assertEquals(q031(Math.exp(-0.5)), GemmlowpFixedPoint.EXP_MINUS_HALF);
        assertEquals(q031(Math.exp(-1)), GemmlowpFixedPoint.EXP_MINUS_1);
        assertEquals(q031(Math.exp(-2)), GemmlowpFixedPoint.EXP_MINUS_2);
        assertEquals(q031(Math.exp(-4)), GemmlowpFixedPoint.EXP_MINUS_4);
        assertEquals(q031(Math.exp(-8)), GemmlowpFixedPoint.EXP_MINUS_8);
        assertEquals(q031(Math.exp(-16)), GemmlowpFixedPoint.EXP_MINUS_16);
        // Q2.29
        assertEquals(Math.round(48.0 / 17 * 0x1p29), GemmlowpFixedPoint.FORTY_EIGHT_SEVENTEENTHS);
        assertEquals(Math.round(-32.0 / 17 * 0x1p29), GemmlowpFixedPoint.MINUS_THIRTY_TWO_SEVENTEENTHS);
    }

    @Test
    void expOfZeroIsTheLargestQ031Value() {
        assertEquals(Integer.MAX_VALUE, GemmlowpFixedPoint.expOnNegativeValues(0, 5));
        assertEquals(Integer.MAX_VALUE, GemmlowpFixedPoint.expOnNegativeValues(0, 0));
    }

    @Test
    void expOnNegativeValuesTracksMathExp() {
        // Sweep Q5.26 inputs over [-32, 0]. The polynomial plus up to seven constant products keep the
        // error within a few units of 2^-31 near 1 and relative error small everywhere.
        for (long raw = -(32L << 26); raw <= 0; raw += 2_097_153) { // ~1000 samples, odd step hits many bits
            double a = raw / 0x1p26;
            double got = GemmlowpFixedPoint.expOnNegativeValues((int) raw, 5) / TWO_31;
            assertEquals(Math.exp(a), got, 2e-8 + 1e-6 * Math.exp(a), "exp(" + a + ")");
        }
    }

    @Test
    void expBarrelShifterUsesEachPowerOfTwo() {
        // -2^k splits into -1/4 for the polynomial plus a remainder 2^k - 1/4 = 1/4 + 1/2 + ... + 2^(k-1),
        // so each k adds the constants of all smaller powers.
        for (int k = -2; k <= 4; k++) {
            int raw = -(int) Math.round(Math.pow(2, k) * 0x1p26);
            double got = GemmlowpFixedPoint.expOnNegativeValues(raw, 5) / TWO_31;
            // gemmlowp's polynomial is good to a few parts in 10^7; a missing or wrong constant is off by
            // far more (the smallest factor, exp(-1/4), changes the result by 22%).
            assertEquals(Math.exp(-Math.pow(2, k)), got, 5e-7, "exp(-2^" + k + ")");
        }
        // -31.9 = -0.15 (polynomial) - 31.75 (all seven constants, 1/4 .. 16). Without the exp(-16)
        // product the result would be exp(-15.9) ~ 1.2e-7.
        int raw = -(int) Math.round(31.9 * 0x1p26);
        assertEquals(Math.exp(-31.9), GemmlowpFixedPoint.expOnNegativeValues(raw, 5) / TWO_31, 1e-9);
    }

    @Test
    void expWithMoreIntegerBitsFlushesBelowMinus32() {
        // Q7.24: -40 is below the -32 clamp and must give exactly 0; -31 is tiny but not flushed.
        assertEquals(0, GemmlowpFixedPoint.expOnNegativeValues(-40 << 24, 7));
        assertEquals(Math.exp(-31), GemmlowpFixedPoint.expOnNegativeValues(-31 << 24, 7) / TWO_31, 1e-9);
    }

    @Test
    void expOnTheQuarterIntervalIsAccurate() {
        for (int i = 1; i <= 64; i++) {
            int raw = -(i << 23); // -i/256 in Q0.31, down to -1/4
            double got = GemmlowpFixedPoint.expOnIntervalBetweenNegativeOneQuarterAnd0Excl(raw) / TWO_31;
            assertEquals(Math.exp(raw / TWO_31), got, 5e-7, "exp(" + raw / TWO_31 + ")");
        }
    }

    @Test
    void oneOverOnePlusXTracksTheRealReciprocal() {
        for (long raw = 0; raw < (1L << 31); raw += 10_737_419) { // ~200 samples over [0, 1)
            double x = raw / TWO_31;
            double got = GemmlowpFixedPoint.oneOverOnePlusXForXIn0To1((int) raw) / TWO_31;
            assertEquals(1 / (1 + x), got, 1e-8, "1/(1+" + x + ")");
        }
    }

    @Test
    void reciprocalScaleNormalisesTheSum() {
        // 3.0 in Q12.19 = 3 << 19: leading zeros 11, normalised 1.5, reciprocal 2/3 in Q0.31.
        int x = 3 << 19;
        int headroomPlusOne = Integer.numberOfLeadingZeros(x);
        assertEquals(11, headroomPlusOne);
        assertEquals(2.0 / 3, GemmlowpFixedPoint.reciprocalScale(x, headroomPlusOne) / TWO_31, 1e-8);
        // 1.0 exactly: normalised 1.0, reciprocal ~1.
        assertEquals(1.0, GemmlowpFixedPoint.reciprocalScale(1 << 19, 12) / TWO_31, 1e-8);
    }

    @Test
    void roundingHalfSumRoundsAwayFromZeroWithoutOverflow() {
        assertEquals(2, GemmlowpFixedPoint.roundingHalfSum(1, 2));    // 1.5 -> 2
        assertEquals(-2, GemmlowpFixedPoint.roundingHalfSum(-1, -2)); // -1.5 -> -2
        assertEquals(Integer.MAX_VALUE, GemmlowpFixedPoint.roundingHalfSum(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(Integer.MIN_VALUE, GemmlowpFixedPoint.roundingHalfSum(Integer.MIN_VALUE, Integer.MIN_VALUE));
        assertEquals(0, GemmlowpFixedPoint.roundingHalfSum(-1, 1));
    }

    @Test
    void multiplyByPOTSaturatesUpAndRoundsDown() {
        assertEquals(Integer.MAX_VALUE, GemmlowpFixedPoint.multiplyByPOT(1 << 28, 3));
        assertEquals(Integer.MIN_VALUE, GemmlowpFixedPoint.multiplyByPOT(-(1 << 28) - 1, 3));
        assertEquals(-(1 << 31), GemmlowpFixedPoint.multiplyByPOT(-(1 << 28), 3));
        assertEquals(40, GemmlowpFixedPoint.multiplyByPOT(5, 3));
        assertEquals(-3, GemmlowpFixedPoint.multiplyByPOT(-10, -2)); // -2.5 -> -3
        assertEquals(5, GemmlowpFixedPoint.multiplyByPOT(5, 0));
        assertTrue(GemmlowpFixedPoint.multiplyByPOT(Integer.MAX_VALUE, -12) == 1 << 19);
    }
}
