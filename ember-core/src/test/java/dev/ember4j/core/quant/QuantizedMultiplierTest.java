/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantizedMultiplierTest {

    private static void assertQm(int multiplier, int shift, QuantizedMultiplier actual) {
        assertEquals(new QuantizedMultiplier(multiplier, shift), actual);
    }

    @Test
    void zero() {
        assertQm(0, 0, QuantizedMultiplier.of(0.0));
    }

    @Test
    void powersOfTwo() {
        // real = multiplier * 2^(shift - 31)
        assertQm(1 << 30, 0, QuantizedMultiplier.of(0.5));
        assertQm(1 << 30, 1, QuantizedMultiplier.of(1.0));
        assertQm(1 << 30, 3, QuantizedMultiplier.of(4.0));
        assertQm(1 << 30, -18, QuantizedMultiplier.of(0x1p-19));
    }

    @Test
    void significandIsRounded() {
        assertQm(3 << 29, 0, QuantizedMultiplier.of(0.75));          // 0.75 * 2^31
        assertQm(3 << 29, 2, QuantizedMultiplier.greaterThanOne(3.0)); // 3 = 0.75 * 2^2
        // 0.1 = 0.8 * 2^-3; 0.8 * 2^31 = 1717986918.4 -> 1717986918
        assertQm(1717986918, -3, QuantizedMultiplier.of(0.1));
        // 1/3 = 0.6666.. * 2^-1; 2^32 / 3 = 1431655765.33 -> 1431655765
        assertQm(1431655765, -1, QuantizedMultiplier.of(1.0 / 3.0));
    }

    @Test
    void significandRoundingUpTo2Pow31Renormalizes() {
        // 1 - 2^-33 has significand 1 - 2^-33 in [0.5, 1); times 2^31 it is 2^31 - 1/4, which rounds to
        // 2^31 and does not fit: it becomes 2^30 with the exponent one higher, i.e. exactly 1.0.
        assertQm(1 << 30, 1, QuantizedMultiplier.of(1.0 - 0x1p-33));
        assertQm(1 << 30, -4, QuantizedMultiplier.of((1.0 - 0x1p-33) * 0x1p-5));
        // Just below the rounding boundary stays un-normalized: 1 - 2^-31 -> 2^31 - 1.
        assertQm(Integer.MAX_VALUE, 0, QuantizedMultiplier.of(1.0 - 0x1p-31));
    }

    @Test
    void tinyValuesFlushToZero() {
        // 2^-32 = 0.5 * 2^-31 is the smallest power of two kept.
        assertQm(1 << 30, -31, QuantizedMultiplier.of(0x1p-32));
        assertQm(0, 0, QuantizedMultiplier.of(0x1p-33));
        assertQm(0, 0, QuantizedMultiplier.of(1e-12));
        assertQm(0, 0, QuantizedMultiplier.of(Double.MIN_VALUE)); // subnormal
    }

    @Test
    void negativeValuesKeepTheirSign() {
        assertQm(-(1 << 30), 0, QuantizedMultiplier.of(-0.5));
        assertQm(-(3 << 29), 1, QuantizedMultiplier.of(-1.5));
    }
}
