/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import static dev.ember4j.ops.reference.TestUtil.ONE_MULTIPLIER;
import static dev.ember4j.ops.reference.TestUtil.ONE_SHIFT;
import static dev.ember4j.ops.reference.TestUtil.bytes;
import static dev.ember4j.ops.reference.TestUtil.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.ops.testkit.OperatorCalls;
import org.junit.jupiter.api.Test;

class FullyConnectedKernelTest {

    private final OperatorCalls backend = new OperatorCalls(new ReferenceBackend());

    /** Weights [[1, 1, 1], [2, -3, -2]] against input [1, 2, 3] give accumulators [6, -10]. */
    private static final byte[] WEIGHTS = bytes(1, 1, 1, 2, -3, -2);

    private byte[] run(FullyConnectedParams p, byte[] input) {
        byte[] out = new byte[p.outputSize()];
        backend.fullyConnected(p, input, 0, out, 0);
        return out;
    }

    @Test
    void perTensorMultiplierAppliesToEveryChannel() {
        // Multiplier 0.5: 6 -> 3, -10 -> -5.
        FullyConnectedParams p = new FullyConnectedParams(1, 3, 2, 0, 0, 0, WEIGHTS, null,
                new int[] {ONE_MULTIPLIER}, new int[] {0}, -128, 127);
        assertArrayEquals(new int[] {3, -5}, ints(run(p, bytes(1, 2, 3))));
    }

    @Test
    void perChannelMultipliers() {
        // Channel 0 multiplier 1.0: 6. Channel 1 multiplier 0.25: -10 * 0.25 = -2.5, rounded once with ties
        // upward: -2 (FULLY_CONNECTED uses the single-rounding requantization).
        FullyConnectedParams p = new FullyConnectedParams(1, 3, 2, 0, 0, 0, WEIGHTS, null,
                new int[] {ONE_MULTIPLIER, ONE_MULTIPLIER}, new int[] {1, -1}, -128, 127);
        assertArrayEquals(new int[] {6, -2}, ints(run(p, bytes(1, 2, 3))));
    }

    @Test
    void requantizationRoundsOnce() {
        // Multiplier 0.25 = 2^30 * 2^(-1 - 31). Accumulators 1, 5, -3, 2 (input x times weight 1):
        // 0.25 -> 0, 1.25 -> 1, -0.75 -> -1, 0.5 -> 1 (tie upward). The double-rounding form used by CONV_2D
        // would give 1 and 2 for the first two (0.5 rounded up before the shift).
        FullyConnectedParams p = new FullyConnectedParams(4, 1, 1, 0, 0, 0, bytes(1), null,
                new int[] {ONE_MULTIPLIER}, new int[] {-1}, -128, 127);
        assertArrayEquals(new int[] {0, 1, -1, 1}, ints(run(p, bytes(1, 5, -3, 2))));
    }

    @Test
    void singleOutputChannelUsesItsOnlyMultiplier() {
        // outputDepth 1: per-tensor and per-channel coincide. acc = 1 + 2 + 3 = 6, multiplier 2.0 -> 12.
        FullyConnectedParams p = new FullyConnectedParams(1, 3, 1, 0, 0, 0, bytes(1, 1, 1), null,
                new int[] {ONE_MULTIPLIER}, new int[] {2}, -128, 127);
        assertArrayEquals(new int[] {12}, ints(run(p, bytes(1, 2, 3))));
    }

    @Test
    void offsetsBiasBatchesAndClamp() {
        // Input offset 1 (zero point -1), filter offset -1 (weight zero point 1), output offset 100.
        // Weights [[2, 0], [1, 3]] -> real [[1, -1], [0, 2]]. Bias [5, -5]. Unit multiplier.
        // Batch 0 raw [-1, 3] -> real [0, 4]: acc0 = 0 - 4 + 5 = 1; acc1 = 8 - 5 = 3 -> 101, 103.
        // Batch 1 raw [9, -1] -> real [10, 0]: acc0 = 10 + 5 = 15 -> 115 -> clamp 110; acc1 = -5 -> 95.
        FullyConnectedParams p = new FullyConnectedParams(2, 2, 2, 1, -1, 100, bytes(2, 0, 1, 3),
                new int[] {5, -5}, new int[] {ONE_MULTIPLIER}, new int[] {ONE_SHIFT}, -128, 110);
        assertArrayEquals(new int[] {101, 103, 110, 95}, ints(run(p, bytes(-1, 3, 9, -1))));
    }
}
