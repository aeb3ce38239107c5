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

import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.ops.testkit.OperatorCalls;
import org.junit.jupiter.api.Test;

class ConvKernelTest {

    private final OperatorCalls backend = new OperatorCalls(new ReferenceBackend());

    /** One batch, square stride/dilation, unit output multipliers unless given. */
    private static Conv2DParams conv(int inH, int inW, int inC, int outH, int outW, int outC, int fH, int fW,
                                     int stride, int dilation, int pad, int inputOffset, int outputOffset,
                                     byte[] filter, int[] bias, int[] mult, int[] shift, int actMin, int actMax) {
        return new Conv2DParams(1, inH, inW, inC, outH, outW, outC, fH, fW, stride, stride, dilation, dilation,
                pad, pad, inputOffset, outputOffset, filter, bias, mult, shift, actMin, actMax);
    }

    private byte[] run(Conv2DParams p, byte[] input) {
        byte[] out = new byte[p.outputSize()];
        backend.conv2d(p, input, 0, out, 0);
        return out;
    }

    @Test
    void pointwiseWithUnitMultiplierIsIdentityAcrossZeroPoints() {
        // Input zero point -5 (offset +5), output zero point -5: (x + 5) * 1 * 1.0 - 5 = x.
        Conv2DParams p = conv(2, 2, 1, 2, 2, 1, 1, 1, 1, 1, 0, 5, -5, bytes(1), null,
                new int[] {ONE_MULTIPLIER}, new int[] {ONE_SHIFT}, -128, 127);
        assertArrayEquals(new int[] {-128, -7, 0, 127}, ints(run(p, bytes(-128, -7, 0, 127))));
    }

    @Test
    void samePaddingBordersCountOnlyTapsInside() {
        // 3x3 input of ones, 3x3 filter of ones, pad 1: each output counts the taps inside the image.
        Conv2DParams p = conv(3, 3, 1, 3, 3, 1, 3, 3, 1, 1, 1, 0, 0, TestUtil.bytes(1, 1, 1, 1, 1, 1, 1, 1, 1),
                null, new int[] {ONE_MULTIPLIER}, new int[] {ONE_SHIFT}, -128, 127);
        byte[] in = bytes(1, 1, 1, 1, 1, 1, 1, 1, 1);
        assertArrayEquals(new int[] {4, 6, 4, 6, 9, 6, 4, 6, 4}, ints(run(p, in)));
    }

    @Test
    void paddedTapsDoNotSeeTheInputOffset() {
        // Input zero point 3 (offset -3). Real input values are x - 3. A padded tap contributes 0, not -3.
        // Corner output of a 3x3 all-ones filter over a 2x2 input of 3s (real 0) plus one 7 (real 4) at (0,0):
        // every output window that contains (0,0) sees 4; padding adds nothing.
        Conv2DParams p = conv(2, 2, 1, 2, 2, 1, 3, 3, 1, 1, 1, -3, 0, bytes(1, 1, 1, 1, 1, 1, 1, 1, 1),
                null, new int[] {ONE_MULTIPLIER}, new int[] {ONE_SHIFT}, -128, 127);
        assertArrayEquals(new int[] {4, 4, 4, 4}, ints(run(p, bytes(7, 3, 3, 3))));
    }

    @Test
    void multiChannelDotProductWithBias() {
        // 1x1 input with 3 channels [1, 2, 3]; two 1x1 filters [1, 1, 1] and [2, 0, -1]; bias [10, -20].
        // acc0 = 6 + 10 = 16; acc1 = 2 - 3 - 20 = -21.
        Conv2DParams p = conv(1, 1, 3, 1, 1, 2, 1, 1, 1, 1, 0, 0, 0, bytes(1, 1, 1, 2, 0, -1),
                new int[] {10, -20}, filled(2, ONE_MULTIPLIER), filled(2, ONE_SHIFT), -128, 127);
        assertArrayEquals(new int[] {16, -21}, ints(run(p, bytes(1, 2, 3))));
    }

    @Test
    void perChannelRequantizationRoundsEachChannel() {
        // Two channels with the same accumulator 5 (1x1 input 5, filters [1] and [1]).
        // Channel 0 multiplier 0.5: 2.5 -> 3 (tie rounds up in the high multiply).
        // Channel 1 multiplier 0.25 (0.5 * 2^-1): 0.5*5 = 2.5 -> 3, then 3 / 2 = 1.5 -> 2.
        Conv2DParams p = conv(1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 0, 0, 0, bytes(1, 1), null,
                new int[] {ONE_MULTIPLIER, ONE_MULTIPLIER}, new int[] {0, -1}, -128, 127);
        assertArrayEquals(new int[] {3, 2}, ints(run(p, bytes(5))));
        // Negative accumulator -5: channel 0: -2.5 -> -2; channel 1: -2 / 2 = -1.
        assertArrayEquals(new int[] {-2, -1}, ints(run(p, bytes(-5))));
    }

    @Test
    void stridedDilatedConvolution() {
        // 5x5 input with value v = 5y + x; 2x2 filter of ones dilated by 2 reads (y, x), (y, x+2), (y+2, x),
        // (y+2, x+2): sum = 4v + 2 + 10 + 12 = 4v + 24. The dilated window spans 3 pixels, so with stride 2
        // the origins are 0 and 2 in each direction: a 2x2 output.
        byte[] in = new byte[25];
        for (int i = 0; i < 25; i++) {
            in[i] = (byte) i;
        }
        Conv2DParams p = conv(5, 5, 1, 2, 2, 1, 2, 2, 2, 2, 0, 0, 0, bytes(1, 1, 1, 1), null,
                new int[] {ONE_MULTIPLIER}, new int[] {ONE_SHIFT}, -128, 127);
        // origins (0,0): v=0 -> 24; (0,2): v=2 -> 32; (2,0): v=10 -> 64; (2,2): v=12 -> 72
        assertArrayEquals(new int[] {24, 32, 64, 72}, ints(run(p, in)));
    }

    @Test
    void dilatedTapsOutsideTheImageAreSkipped() {
        // 3x3 input v = 3y + x + 1 (1..9); 2x2 all-ones filter, dilation 2, pad 1, stride 1, 3x3 output.
        // Output (oy, ox) reads input (oy-1+{0,2}, ox-1+{0,2}); out-of-range taps are skipped.
        // (0,0): only (1,1)=5. (0,1): (1,0)=4,(1,2)=6 -> 10. (1,1): (0,0)=1,(0,2)=3,(2,0)=7,(2,2)=9 -> 20.
        byte[] in = bytes(1, 2, 3, 4, 5, 6, 7, 8, 9);
        Conv2DParams p = conv(3, 3, 1, 3, 3, 1, 2, 2, 1, 2, 1, 0, 0, bytes(1, 1, 1, 1), null,
                new int[] {ONE_MULTIPLIER}, new int[] {ONE_SHIFT}, -128, 127);
        // (0,2): (1,1)=5; (1,0): (0,1)=2,(2,1)=8 -> 10; (1,2): same as (1,0) mirrored -> 10; (2,*): row y=1 only
        assertArrayEquals(new int[] {5, 10, 5, 10, 20, 10, 5, 10, 5}, ints(run(p, in)));
    }

    @Test
    void activationRangeClampsAfterTheOutputOffset() {
        // acc = x * 1; output offset +10; clamp to [-8, 100] (e.g. a ReLU with zero point -8 and a max).
        Conv2DParams p = conv(1, 4, 1, 1, 4, 1, 1, 1, 1, 1, 0, 0, 10, bytes(1), null,
                new int[] {ONE_MULTIPLIER}, new int[] {ONE_SHIFT}, -8, 100);
        // -100+10 = -90 -> -8; -20 -> -10 -> -8; 0 -> 10; 120 -> 130 -> 100
        assertArrayEquals(new int[] {-8, -8, 10, 100}, ints(run(p, bytes(-100, -20, 0, 120))));
    }

    @Test
    void batchesAreIndependentAndOffsetsAreHonoured() {
        // Two batches of a 1x1x2 -> 1x1x1 conv with filter [1, -1]: out = a - b.
        Conv2DParams p = new Conv2DParams(2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, bytes(1, -1), null,
                new int[] {ONE_MULTIPLIER}, new int[] {ONE_SHIFT}, -128, 127);
        byte[] in = bytes(99, 10, 3, -4, 7, 99);  // tensor at offset 1: [10, 3], [-4, 7]
        byte[] out = bytes(55, 55, 55, 55);
        backend.conv2d(p, in, 1, out, 2);
        assertArrayEquals(new int[] {55, 55, 7, -11}, ints(out));
    }
}
