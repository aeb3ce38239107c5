/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.quant.FixedPoint;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WideRequantizeTest {

    /** The 128-bit single rounding against BigInteger, including accumulators far beyond 32 bits. */
    @Test
    void singleRounding64MatchesExactArithmetic() {
        Random r = new Random(16);
        for (int k = 0; k < 20000; k++) {
            long acc = r.nextLong() >> r.nextInt(40);
            int m = (1 << 30) + r.nextInt(1 << 30);
            int shift = -40 + r.nextInt(55);
            BigInteger v = BigInteger.valueOf(acc).multiply(BigInteger.valueOf(m))
                    .add(BigInteger.ONE.shiftLeft(30 - shift)).shiftRight(31 - shift);
            assertEquals(v.intValue(), WideRequantize.singleRounding64(acc, m, shift), acc + " " + m + " " + shift);
        }
    }

    /** On int32 accumulators it is the int32 single rounding the int8 FULLY_CONNECTED uses. */
    @Test
    void singleRounding64AgreesWithInt32Form() {
        Random r = new Random(17);
        for (int k = 0; k < 20000; k++) {
            int acc = r.nextInt();
            int m = (1 << 30) + r.nextInt(1 << 30);
            int shift = -31 + r.nextInt(32);
            assertEquals(FixedPoint.multiplyByQuantizedMultiplierSingleRounding(acc, m, shift),
                    WideRequantize.singleRounding64(acc, m, shift));
        }
    }

    @Test
    void requantizeSelectsTheForm() {
        // int64 bias: reduced 16-bit multiplier; 1.5 * 0.5 ... rounds half up
        assertEquals(2, WideRequantize.requantize(3, 64, 1 << 30, 0, false, 0, -32768, 32767));
        // int32 accumulator wraps before requantizing
        assertEquals(FixedPoint.multiplyByQuantizedMultiplier((int) (1L << 32) + 5, 1 << 30, 0),
                WideRequantize.requantize((1L << 32) + 5, 32, 1 << 30, 0, false, 0, -100, 100));
        // output offset and clamp
        assertEquals(255, WideRequantize.requantize(1000, 32, 1 << 30, 0, false, 128, 0, 255));
    }
}
