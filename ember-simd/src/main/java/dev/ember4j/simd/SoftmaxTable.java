/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.core.quant.GemmlowpFixedPoint;
import dev.ember4j.ops.softmax.SoftmaxKernel;
import dev.ember4j.ops.softmax.SoftmaxParams;

import java.util.Objects;

/**
 * int8 SOFTMAX with its exponentials from a table: a diff {@code x - max} of an int8 row lies in
 * [-255, 0], so the 256 values of the reference kernel's fixed-point exp (and of the sum's rounded
 * term) are computed once per operator; the sum, the reciprocal and each output then follow the
 * reference kernel's arithmetic step for step. Same bytes, without the ~40 fixed-point operations
 * of each exp. Rows split for threads.
 */
final class SoftmaxTable implements OpKernel<SoftmaxParams>, RowSplit<SoftmaxParams> {
    /** exp[-diff] in Q0.31, or 0 where diff &lt; diffMin (no contribution). */
    private final int[] exp = new int[256];
    /** The rounded Q12.19 term each exp adds to the row's sum. */
    private final int[] term = new int[256];
    private final boolean[] counted = new boolean[256];

    SoftmaxTable(SoftmaxParams p) {
        for (int d = 0; d < 256; d++) {
            int diff = -d;
            if (diff >= p.diffMin()) {
                counted[d] = true;
                exp[d] = SoftmaxKernel.expOfDiff(diff, p.inputMultiplier(), p.inputLeftShift());
                term[d] = FixedPoint.roundingDivideByPOT(exp[d], SoftmaxKernel.ACCUMULATION_INTEGER_BITS);
            }
        }
    }

    @Override
    public void run(SoftmaxParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        runRows(p, in, out, arena, scratch, 0, p.outerSize());
    }

    @Override
    public int rows(SoftmaxParams p) {
        return p.outerSize();
    }

    @Override
    public void runRows(SoftmaxParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        byte[] input = in[0].array(arena);
        byte[] output = out[0].array(arena);
        Objects.checkFromIndexSize(in[0].start(), p.size(), input.length);
        Objects.checkFromIndexSize(out[0].start(), p.size(), output.length);
        Objects.checkFromToIndex(from, to, p.outerSize());
        final int depth = p.depth();
        final int[] exp = this.exp;
        final int[] term = this.term;
        final boolean[] counted = this.counted;
        for (int row = from; row < to; row++) {
            final int at = in[0].start() + row * depth;
            final int o = out[0].start() + row * depth;
            int max = -128;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, input[at + c]);
            }
            int sum = 0; // Q12.19, wraps like the reference
            for (int c = 0; c < depth; c++) {
                sum += term[max - input[at + c]];
            }
            final int headroomPlusOne = Integer.numberOfLeadingZeros(sum);
            final int shiftedScale = GemmlowpFixedPoint.reciprocalScale(sum, headroomPlusOne);
            final int exponent = SoftmaxKernel.ACCUMULATION_INTEGER_BITS - headroomPlusOne + 31 - SoftmaxKernel.OUTPUT_BITS;
            for (int c = 0; c < depth; c++) {
                int d = max - input[at + c];
                int result = -128;
                if (counted[d]) {
                    int unsaturated = SoftmaxKernel.roundingDivideByPOTWide(GemmlowpFixedPoint.mul(shiftedScale, exp[d]),
                            exponent);
                    result = Math.min(Math.max(unsaturated - 128, -128), 127);
                }
                output[o + c] = (byte) result;
            }
        }
    }

    /** Bytes one operator's tables keep. */
    static long bytes() {
        return 256 * 9L + 64;
    }
}
