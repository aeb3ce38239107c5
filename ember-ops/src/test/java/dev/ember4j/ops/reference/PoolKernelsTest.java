/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import static dev.ember4j.ops.reference.TestUtil.bytes;
import static dev.ember4j.ops.reference.TestUtil.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ember4j.ops.pool.PoolParams;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.ops.testkit.OperatorCalls;
import org.junit.jupiter.api.Test;

class PoolKernelsTest {

    private final OperatorCalls backend = new OperatorCalls(new ReferenceBackend());

    private byte[] average(PoolParams p, byte[] input) {
        byte[] out = new byte[p.outputSize()];
        backend.averagePool2d(p, input, 0, out, 0);
        return out;
    }

    private byte[] max(PoolParams p, byte[] input) {
        byte[] out = new byte[p.outputSize()];
        backend.maxPool2d(p, input, 0, out, 0);
        return out;
    }

    /** 2x2 window over a 2x2 single-channel input: one output that averages four values. */
    private static PoolParams whole2x2(int min, int max) {
        return new PoolParams(1, 2, 2, 1, 1, 1, 2, 2, 2, 2, 0, 0, min, max);
    }

    @Test
    void averageRoundsHalfAwayFromZero() {
        PoolParams p = whole2x2(-128, 127);
        assertArrayEquals(new int[] {2}, ints(average(p, bytes(1, 2, 2, 2))));      // 7/4 = 1.75 -> 2
        assertArrayEquals(new int[] {-2}, ints(average(p, bytes(-1, -2, -2, -2)))); // -1.75 -> -2
        assertArrayEquals(new int[] {2}, ints(average(p, bytes(1, 1, 2, 2))));      // 1.5 -> 2
        assertArrayEquals(new int[] {-2}, ints(average(p, bytes(-1, -1, -2, -2)))); // -1.5 -> -2
        assertArrayEquals(new int[] {-1}, ints(average(p, bytes(-1, -1, 0, 0))));   // -0.5 -> -1
        assertArrayEquals(new int[] {1}, ints(average(p, bytes(1, 1, 0, 0))));      // 0.5 -> 1
        assertArrayEquals(new int[] {0}, ints(average(p, bytes(-1, 0, 0, 0))));     // -0.25 -> 0
        assertArrayEquals(new int[] {-128}, ints(average(p, bytes(-128, -128, -128, -128))));
        assertArrayEquals(new int[] {127}, ints(average(p, bytes(127, 127, 127, 127))));
    }

    @Test
    void averageIgnoresPaddingAtTheBorders() {
        // 3x3 input 1..9, 3x3 window, stride 1, pad 1 (SAME): the corner averages only the 4 values inside.
        // (0,0): (1+2+4+5)/4 = 3; (0,1): (1+2+3+4+5+6)/6 = 3.5 -> 4; (1,1): 45/9 = 5; (2,2): (5+6+8+9)/4 = 7.
        PoolParams p = new PoolParams(1, 3, 3, 1, 3, 3, 3, 3, 1, 1, 1, 1, -128, 127);
        byte[] in = bytes(1, 2, 3, 4, 5, 6, 7, 8, 9);
        // (0,2): (2+3+5+6)/4 = 4; (1,0): (1+2+4+5+7+8)/6 = 4.5 -> 5; (1,2): (2+3+5+6+8+9)/6 = 5.5 -> 6;
        // (2,0): (4+5+7+8)/4 = 6; (2,1): (4+5+6+7+8+9)/6 = 6.5 -> 7
        assertArrayEquals(new int[] {3, 4, 4, 5, 5, 6, 6, 7, 7}, ints(average(p, in)));
    }

    @Test
    void averageIsPerChannelAndClamped() {
        // Two channels over a 1x2 input with a 1x2 window: ch0 (10 + 21) / 2 = 15.5 -> 16,
        // ch1 (-10 + -21) / 2 = -15.5 -> -16 -> clamped to -12.
        PoolParams p = new PoolParams(1, 1, 2, 2, 1, 1, 1, 2, 1, 2, 0, 0, -12, 127);
        assertArrayEquals(new int[] {16, -12}, ints(average(p, bytes(10, -10, 21, -21))));
    }

    @Test
    void maxIgnoresPaddingEvenWhenAllInputsAreNegative() {
        // If padding counted as 0 the border outputs would be 0; it must not.
        // 2x2 input [-5, -3, -7, -9], 2x2 window stride 1, pad 1 top/left... output 2x2 with origins -1, 0.
        // (0,0): only (0,0) = -5. (0,1): (0,0), (0,1) -> -3. (1,0): (0,0), (1,0) -> -5. (1,1): all -> -3.
        PoolParams p = new PoolParams(1, 2, 2, 1, 2, 2, 2, 2, 1, 1, 1, 1, -128, 127);
        assertArrayEquals(new int[] {-5, -3, -5, -3}, ints(max(p, bytes(-5, -3, -7, -9))));
    }

    @Test
    void maxWithStrideAndActivationClamp() {
        // 1x4 input, 1x2 window stride 2: max(3, -1) = 3, max(-100, -128) = -100; ReLU-style min -20, max 2.
        PoolParams p = new PoolParams(1, 1, 4, 1, 1, 2, 1, 2, 1, 2, 0, 0, -20, 2);
        assertArrayEquals(new int[] {2, -20}, ints(max(p, bytes(3, -1, -100, -128))));
    }

    @Test
    void maxOverBatchesAndChannels() {
        // Two batches of 1x2x2 (w=2, c=2) with a whole-row window.
        PoolParams p = new PoolParams(2, 1, 2, 2, 1, 1, 1, 2, 1, 1, 0, 0, -128, 127);
        byte[] in = bytes(1, -128, 5, -127, 100, 7, -100, 8);
        assertArrayEquals(new int[] {5, -127, 100, 8}, ints(max(p, in)));
    }
}
