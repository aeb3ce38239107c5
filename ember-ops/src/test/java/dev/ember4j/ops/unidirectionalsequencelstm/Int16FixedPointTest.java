/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unidirectionalsequencelstm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * gemmlowp's int16 logistic and tanh over every input: close to the real functions, monotone up to rounding wobbles, with
 * gemmlowp's symmetries. (Bit-exactness against TFLite is decided by the LSTM goldens.)
 */
class Int16FixedPointTest {

    @Test
    void logisticOfQ3IsCloseToTheRealFunction() {
        int previous = -32768;
        for (int x = -32768; x <= 32767; x++) {
            int y = Int16FixedPoint.logistic(x, 3);
            double real = 1 / (1 + Math.exp(-x / 4096.0));
            assertTrue(Math.abs(y / 32768.0 - real) < 4e-4, "x=" + x + " y=" + y + " real=" + real);
            assertTrue(y >= previous - 16, "nearly monotone at x=" + x); // Q2.13 division steps wobble
            previous = y;
        }
        assertEquals(16384, Int16FixedPoint.logistic(0, 3));
        // logistic(-x) = 1 - logistic(x) with One() = 32767
        assertEquals(32767 - Int16FixedPoint.logistic(1234, 3), Int16FixedPoint.logistic(-1234, 3));
    }

    @Test
    void tanhIsOddAndCloseForEveryIntegerBits() {
        for (int bits = 0; bits <= 6; bits++) {
            int previous = -32768;
            for (int x = -32767; x <= 32767; x++) {
                int y = Int16FixedPoint.tanh(x, bits);
                double real = Math.tanh(x / (double) (1 << (15 - bits)));
                assertTrue(Math.abs(y / 32768.0 - real) < 1e-3, "bits=" + bits + " x=" + x + " y=" + y);
                assertTrue(y >= previous - 16, "nearly monotone at bits=" + bits + " x=" + x);
                assertEquals(-y, Int16FixedPoint.tanh(-x, bits), "odd at x=" + x);
                previous = y;
            }
            assertEquals(0, Int16FixedPoint.tanh(0, bits));
        }
    }

    @Test
    void sixteenBitPrimitivesSaturateAsGemmlowp() {
        assertEquals(32767, Int16FixedPoint.mul(-32768, -32768));
        assertEquals(16384, Int16FixedPoint.mul(32767, 16384));
        assertEquals(32767, Int16FixedPoint.multiplyByPot(20000, 1));
        assertEquals(-32768, Int16FixedPoint.multiplyByPot(-20000, 2));
        assertEquals(3, Int16FixedPoint.multiplyByPot(10, -2)); // 2.5 rounds away from zero
        assertEquals(32767, Int16FixedPoint.expOnNegativeValues(0, 3));
    }
}
