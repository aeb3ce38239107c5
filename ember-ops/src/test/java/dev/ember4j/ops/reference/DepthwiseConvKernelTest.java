/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import static dev.ember4j.ops.reference.TestUtil.ONE_MULTIPLIER;
import static dev.ember4j.ops.reference.TestUtil.ONE_SHIFT;
import static dev.ember4j.ops.reference.TestUtil.bytes;
import static dev.ember4j.ops.reference.TestUtil.filled;
import static dev.ember4j.ops.reference.TestUtil.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.ops.testkit.OperatorCalls;
import org.junit.jupiter.api.Test;

class DepthwiseConvKernelTest {

    private final OperatorCalls backend = new OperatorCalls(new ReferenceBackend());

    private byte[] run(DepthwiseConv2DParams p, byte[] input) {
        byte[] out = new byte[p.outputSize()];
        backend.depthwiseConv2d(p, input, 0, out, 0);
        return out;
    }

    @Test
    void depthMultiplierTwoReadsTheRightInputChannel() {
        // 1x1 input with channels [3, -4]; depth multiplier 2 -> 4 output channels.
        // Outputs 0, 1 read channel 0 with weights 1, 2; outputs 2, 3 read channel 1 with weights 3, -1.
        DepthwiseConv2DParams p = new DepthwiseConv2DParams(1, 1, 1, 2, 1, 1, 4, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0,
                bytes(1, 2, 3, -1), null, filled(4, ONE_MULTIPLIER), filled(4, ONE_SHIFT), -128, 127);
        assertArrayEquals(new int[] {3, 6, -12, 4}, ints(run(p, bytes(3, -4))));
    }

    @Test
    void samePaddingPerChannelWithBias() {
        // 3x3 input, 2 channels: channel 0 all 2, channel 1 all -1. 3x3 filter: channel 0 all 1, channel 1 all 2.
        // Bias [1, 0]. Taps inside: corner 4, edge 6, centre 9.
        // channel 0: 2 * taps + 1 -> 9, 13, 19; channel 1: -2 * taps -> -8, -12, -18.
        byte[] in = new byte[18];
        byte[] filter = new byte[18];
        for (int i = 0; i < 9; i++) {
            in[2 * i] = 2;
            in[2 * i + 1] = -1;
            filter[2 * i] = 1;
            filter[2 * i + 1] = 2;
        }
        DepthwiseConv2DParams p = new DepthwiseConv2DParams(1, 3, 3, 2, 3, 3, 2, 1, 3, 3, 1, 1, 1, 1, 1, 1, 0, 0,
                filter, new int[] {1, 0}, filled(2, ONE_MULTIPLIER), filled(2, ONE_SHIFT), -128, 127);
        int[] taps = {4, 6, 4, 6, 9, 6, 4, 6, 4};
        int[] expected = new int[18];
        for (int i = 0; i < 9; i++) {
            expected[2 * i] = 2 * taps[i] + 1;
            expected[2 * i + 1] = -2 * taps[i];
        }
        assertArrayEquals(expected, ints(run(p, in)));
    }

    @Test
    void inputOffsetAndPerChannelMultipliers() {
        // 1x2 input, one channel, depth multiplier 2; 1x2 filter [[1, 1], [1, -1]] laid out [fx][outC]:
        // fx0: (1, 1), fx1: (1, -1). Input zero point -128 (offset 128): raw [-128, -126] -> real [0, 2].
        // channel 0: 0 + 2 = 2, multiplier 0.5 -> 1; channel 1: 0 - 2 = -2, multiplier 2.0 -> -4.
        DepthwiseConv2DParams p = new DepthwiseConv2DParams(1, 1, 2, 1, 1, 1, 2, 2, 1, 2, 1, 1, 1, 1, 0, 0, 128, 0,
                bytes(1, 1, 1, -1), null, new int[] {ONE_MULTIPLIER, ONE_MULTIPLIER}, new int[] {0, 2}, -128, 127);
        assertArrayEquals(new int[] {1, -4}, ints(run(p, bytes(-128, -126))));
    }

    @Test
    void dilationStrideAndClamp() {
        // 1x5 input [1, 2, 3, 4, 5], one channel; 1x2 filter [1, 1] dilated by 3, stride 1, no padding:
        // outputs read (x, x+3) for x in 0..1 -> 1+4 = 5, 2+5 = 7. Output offset -6, clamp [-128, 0] -> -1, 0.
        DepthwiseConv2DParams p = new DepthwiseConv2DParams(1, 1, 5, 1, 1, 2, 1, 1, 1, 2, 1, 1, 1, 3, 0, 0, 0, -6,
                bytes(1, 1), null, new int[] {ONE_MULTIPLIER}, new int[] {ONE_SHIFT}, -128, 0);
        assertArrayEquals(new int[] {-1, 0}, ints(run(p, bytes(1, 2, 3, 4, 5))));
    }
}
