/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.ops.common.Int8Lut;
import dev.ember4j.ops.common.LutKernel;
import dev.ember4j.ops.common.LutParams;

import dev.ember4j.core.ops.Slot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Int8LutTest {

    @Test
    void roundfIsHalfAwayFromZero() {
        assertEquals(3f, Int8Lut.roundf(2.5f));
        assertEquals(-3f, Int8Lut.roundf(-2.5f));
        assertEquals(-1f, Int8Lut.roundf(-0.5f)); // Math.round would give 0
        assertEquals(0f, Int8Lut.roundf(0.49999997f));
        assertEquals(-2f, Int8Lut.roundf(-1.5f));
        assertEquals(16777216f, Int8Lut.roundf(16777216f));
    }

    @Test
    void identityTableRoundsTiesAwayFromZeroThenOffsetsAndClamps() {
        // v / 2 + 10 with ties away from zero: -3 -> -1.5 -> -2 -> 8; 3 -> 1.5 -> 2 -> 12
        byte[] t = Int8Lut.build(1f, 0, 2f, 10, x -> x);
        assertEquals(8, t[-3 & 0xff]);
        assertEquals(12, t[3 & 0xff]);
        assertEquals(10, t[0]);
        assertEquals(9, t[-1 & 0xff]); // -0.5 -> -1
        assertEquals(11, t[1]); // 0.5 -> 1
        assertEquals(-54, t[-128 & 0xff]); // -64 + 10
        assertEquals(74, t[127]); // 63.5 -> 64, + 10
        byte[] c = Int8Lut.build(1f, 0, 0.5f, 0, x -> x); // 2v clamps at both ends
        assertEquals(-128, c[-100 & 0xff]);
        assertEquals(127, c[100]);
        assertEquals(-20, c[-10 & 0xff]);
    }

    @Test
    void inputZeroPointIsSubtractedBeforeTheFunction() {
        byte[] t = Int8Lut.build(0.5f, 7, 1f, 0, x -> x);
        assertEquals(0, t[7]);
        assertEquals(-68, t[-128 & 0xff]); // 0.5 * -135 = -67.5 -> -68
    }

    @Test
    void logisticTableEdges() {
        byte[] t = Int8Lut.build(0.1f, 0, 1f / 256, -128, Int8Lut::logistic);
        assertEquals(0, t[0]); // sigmoid(0) = 0.5 -> 128 - 128
        assertEquals(-128, t[-128 & 0xff]); // sigmoid(-12.8) * 256 = 0.0007 -> 0
        assertEquals(127, t[127]); // sigmoid(12.7) * 256 = 255.999 -> 256 -> clamped
        for (int v = -128; v < 127; v++) {
            assertTrue(t[v & 0xff] <= t[(v + 1) & 0xff], "monotone at " + v);
        }
    }

    @Test
    void tanhTableMatchesSlowComputation() {
        float inScale = 0.03f;
        int inZp = -5;
        byte[] t = Int8Lut.build(inScale, inZp, 1f / 128, 0, Int8Lut::tanh);
        int checked = 0;
        for (int v = -128; v <= 127; v++) {
            double real = Math.tanh((double) inScale * (v - inZp)) * 128;
            long expected = Math.max(-128, Math.min(127, Math.round(real)));
            // float rounding can only matter right at a .5 tie
            if (Math.abs(Math.abs(real - Math.floor(real)) - 0.5) > 1e-3) {
                assertEquals(expected, t[v & 0xff], "v=" + v);
                checked++;
            }
        }
        assertTrue(checked > 240);
        assertEquals(0, t[inZp & 0xff]);
        assertEquals(-128, t[-128 & 0xff]); // tanh(-3.69) * 128 = -127.84 -> -128
    }

    @Test
    void kernelLooksUpEveryElementAtTheSlotOffsets() {
        byte[] table = new byte[256];
        for (int i = 0; i < 256; i++) {
            table[i] = (byte) (255 - i);
        }
        byte[] arena = new byte[16];
        arena[2] = -128;
        arena[3] = 0;
        arena[4] = 127;
        arena[5] = -1;
        LutKernel.run(new LutParams(4, table), new Slot[] {Slot.arena(2)}, new Slot[] {Slot.arena(10)}, arena,
                new byte[0]);
        assertArrayEquals(new byte[] {127, -1, -128, 0}, new byte[] {arena[10], arena[11], arena[12], arena[13]});
        assertEquals(0, arena[14]);
    }
}
