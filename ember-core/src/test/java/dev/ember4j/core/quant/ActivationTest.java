/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.quant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ActivationTest {

    @Test
    void codesFollowTheSchema() {
        assertEquals(Activation.NONE, Activation.fromCode(0));
        assertEquals(Activation.RELU, Activation.fromCode(1));
        assertEquals(Activation.RELU_N1_TO_1, Activation.fromCode(2));
        assertEquals(Activation.RELU6, Activation.fromCode(3));
        assertNull(Activation.fromCode(6));
        assertNull(Activation.fromCode(-1));
    }

    @Test
    void noneIsTheFullInt8Range() {
        assertArrayEquals(new int[] {-128, 127}, Activation.NONE.int8Range(0.1f, 5));
    }

    @Test
    void reluStartsAtTheZeroPoint() {
        assertArrayEquals(new int[] {-10, 127}, Activation.RELU.int8Range(0.1f, -10));
        // A zero point below the int8 range is clamped to -128.
        assertArrayEquals(new int[] {-128, 127}, Activation.RELU.int8Range(0.1f, -130));
    }

    @Test
    void relu6QuantizesSix() {
        // 6 / 0.05 = 120 steps above zero point -128 -> -8
        assertArrayEquals(new int[] {-128, -8}, Activation.RELU6.int8Range(0.05f, -128));
        // 6 / 0.02 = 300 steps: beyond 127, clamped
        assertArrayEquals(new int[] {0, 127}, Activation.RELU6.int8Range(0.02f, 0));
    }

    @Test
    void reluN1To1RoundsHalfAwayFromZero() {
        // 1 / 64 scale: +-1 is +-64 steps
        assertArrayEquals(new int[] {-64, 64}, Activation.RELU_N1_TO_1.int8Range(1f / 64, 0));
        // scale 2: +-1 is +-0.5 steps, rounded away from zero to +-1 (round-half-even would give 0)
        assertArrayEquals(new int[] {-1, 1}, Activation.RELU_N1_TO_1.int8Range(2f, 0));
    }

    @Test
    void nonFusableActivationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Activation.TANH.int8Range(0.1f, 0));
        assertThrows(IllegalArgumentException.class, () -> Activation.SIGN_BIT.int8Range(0.1f, 0));
    }
}
