/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;


import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Le;

/**
 * Kernel-time requantization of the wide (int64-biased, 16x8 and uint8) convolutions and fully
 * connected layers; their prepare-time checks are in {@code support.WideQuantization}.
 */
public final class WideRequantize {
    private WideRequantize() {}

    /** Bias value of channel {@code c} from raw bytes of width {@code bits} (32 or 64). */
    public static long biasAt(byte[] bias, int bits, int c) {
        return bits == 64 ? Le.i64(bias, 8 * c) : Le.i32(bias, 4 * c);
    }

    /**
     * Requantizes one accumulator: the int64 form for int64 biases (16x8), otherwise the int32
     * accumulator TFLite keeps (the long sum wrapped to 32 bits) with the double-rounding multiplier
     * ({@code singleRounding} for the kernels that round once); adds the output offset and clamps.
     */
    public static int requantize(long acc, int biasBits, int multiplier, int shift, boolean singleRounding,
                                 int outputOffset, int min, int max) {
        int v;
        if (biasBits == 64 && singleRounding) {
            v = singleRounding64(acc, multiplier, shift);
        } else if (biasBits == 64) {
            v = FixedPoint.multiplyByQuantizedMultiplier64(acc, multiplier, shift);
        } else if (singleRounding) {
            v = FixedPoint.multiplyByQuantizedMultiplierSingleRounding((int) acc, multiplier, shift);
        } else {
            v = FixedPoint.multiplyByQuantizedMultiplier((int) acc, multiplier, shift);
        }
        v += outputOffset;
        return Math.max(min, Math.min(max, v));
    }

    /**
     * acc * multiplier / 2^(31 - shift), rounded once (half up), computed exactly in 128 bits and
     * truncated to 32 bits: TFLite 2.21's reference 16x8 FULLY_CONNECTED with an int64 bias (its goldens
     * differ from the 16-bit reduced multiplier of the int64 MultiplyByQuantizedMultiplier).
     * {@code shift} at most 14 (checked at prepare).
     */
    public static int singleRounding64(long acc, int multiplier, int shift) {
        int totalShift = 31 - shift;
        long lo = acc * multiplier;
        long hi = Math.multiplyHigh(acc, multiplier);
        if (totalShift > 64) { // the rounding bit lies in the high word
            return (int) ((hi + (1L << (totalShift - 65))) >> (totalShift - 64));
        }
        long sum = lo + (1L << (totalShift - 1));
        if (Long.compareUnsigned(sum, lo) < 0) {
            hi++;
        }
        long result = totalShift == 64 ? hi : (sum >>> totalShift) | (hi << (64 - totalShift));
        return (int) result;
    }
}
