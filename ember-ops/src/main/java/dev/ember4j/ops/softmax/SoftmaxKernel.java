/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.common.ImageRows;
import dev.ember4j.ops.softmax.SoftmaxParams;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.core.quant.GemmlowpFixedPoint;

/**
 * SOFTMAX int8 to int8 (output scale 1/256, zero point -128) on TFLite's reference fixed-point
 * path: diffs to the row maximum are scaled into Q5.26, exponentiated with gemmlowp's
 * exp_on_negative_values, summed in Q12.19, and each exp is multiplied by the reciprocal of the sum.
 */
public final class SoftmaxKernel {
    private SoftmaxKernel() {}

    /** The reference kernel of int8 SOFTMAX (int8 output, scale 1/256). */
    public static final OpKernel<SoftmaxParams> KERNEL = (p, in, out, arena, scratch) -> {
        byte[] input = in[0].array(arena);
        byte[] output = out[0].array(arena);
        ImageRows.check(input, in[0].start(), p.size(), output, out[0].start(), p.size(), 0, 0, 0);
        softmax(p, input, in[0].start(), output, out[0].start());
    };

    /** Integer bits of the scaled diffs fed to exp (Q5.26). */
    public static final int SCALED_DIFF_INTEGER_BITS = 5;
    /** Integer bits of the sum of exps (Q12.19). */
    public static final int ACCUMULATION_INTEGER_BITS = 12;
    /** Bits of the output type: the result is p * 2^8 before the zero point shift. */
    public static final int OUTPUT_BITS = 8;

    static void softmax(SoftmaxParams p, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        final int outerSize = p.outerSize();
        final int depth = p.depth();
        final int multiplier = p.inputMultiplier();
        final int leftShift = p.inputLeftShift();
        final int diffMin = p.diffMin();

        for (int row = 0; row < outerSize; row++) {
            final int in = inputOffset + row * depth;
            final int out = outputOffset + row * depth;

            int maxInRow = -128;
            for (int c = 0; c < depth; c++) {
                maxInRow = Math.max(maxInRow, input[in + c]);
            }

            int sumOfExps = 0; // Q12.19, wraps like the C++ int32 addition
            for (int c = 0; c < depth; c++) {
                int diff = input[in + c] - maxInRow;
                if (diff >= diffMin) {
                    int exp = expOfDiff(diff, multiplier, leftShift);
                    sumOfExps += FixedPoint.roundingDivideByPOT(exp, ACCUMULATION_INTEGER_BITS);
                }
            }

            final int headroomPlusOne = Integer.numberOfLeadingZeros(sumOfExps);
            final int numBitsOverUnit = ACCUMULATION_INTEGER_BITS - headroomPlusOne;
            final int shiftedScale = GemmlowpFixedPoint.reciprocalScale(sumOfExps, headroomPlusOne);
            final int exponent = numBitsOverUnit + 31 - OUTPUT_BITS;

            for (int c = 0; c < depth; c++) {
                int diff = input[in + c] - maxInRow;
                int result = -128;
                if (diff >= diffMin) {
                    int exp = expOfDiff(diff, multiplier, leftShift);
                    int scaled = GemmlowpFixedPoint.mul(shiftedScale, exp);
                    int unsaturated = roundingDivideByPOTWide(scaled, exponent);
                    result = Math.min(Math.max(unsaturated - 128, -128), 127);
                }
                output[out + c] = (byte) result;
            }
        }
    }

    /** exp(beta * scale * diff) in Q0.31 for diff &lt;= 0. */
    public static int expOfDiff(int diff, int multiplier, int leftShift) {
        int scaledDiff = FixedPoint.multiplyByQuantizedMultiplierGreaterThanOne(diff, multiplier, leftShift);
        return GemmlowpFixedPoint.expOnNegativeValues(scaledDiff, SCALED_DIFF_INTEGER_BITS);
    }

    /**
     * Rounding division by 2^exponent. The exponent exceeds 31 only when the sum of exps is at least
     * 512 (so every probability is at most 1/512, below half an output step). The C++ shift is then
     * undefined; the exact quotient of a product in [0, 2^31) by 2^32 or more rounds to 0, which is
     * what this returns (output -128).
     */
    public static int roundingDivideByPOTWide(int x, int exponent) {
        if (exponent <= 31) {
            return FixedPoint.roundingDivideByPOT(x, exponent);
        }
        long divisor = 1L << Math.min(exponent, 62);
        long half = divisor >> 1;
        // Round half away from zero, the same tie rule as roundingDivideByPOT.
        long q = ((long) x + (x >= 0 ? half : -half)) / divisor;
        return (int) q;
    }
}
