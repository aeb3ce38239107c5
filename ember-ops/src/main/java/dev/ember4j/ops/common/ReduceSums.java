/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.quant.FixedPoint;

/**
 * The int32 sums behind the rescaling reductions (MEAN, SUM): every input byte, in order, is added to
 * the scratch accumulator of its output element, then each sum is requantized once.
 */
public final class ReduceSums {
    private ReduceSums() {}

    /**
     * Clears {@code outputCount} int32 accumulators at the start of {@code scratch} and adds the input
     * bytes from {@code xs} on, walked over the rank-6 {@code shape}, to the accumulator at their output
     * element strides {@code outStrides}; bytes read as uint8 when {@code unsigned}, else as int8.
     */
    public static void accumulate(byte[] x, int xs, int[] shape, int[] outStrides, int outputCount,
                                  boolean unsigned, byte[] scratch) {
        for (int o = 0; o < outputCount; o++) {
            Le.i32(scratch, 4 * o, 0);
        }
        int mask = unsigned ? 0xff : -1;
        int[] s = shape;
        int[] st = outStrides;
        int i = xs;
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int base = i0 * st[0] + i1 * st[1] + i2 * st[2] + i3 * st[3] + i4 * st[4];
                            for (int i5 = 0; i5 < s[5]; i5++) {
                                int at = 4 * (base + i5 * st[5]);
                                Le.i32(scratch, at, Le.i32(scratch, at) + (x[i++] & mask));
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Writes each accumulator less {@code inputZeroPoint * count}, times the multiplier, plus the output
     * zero point, clamped to [min, max], as one byte from {@code ys} on.
     */
    public static void requantize(byte[] scratch, int outputCount, int inputZeroPoint, int count, int multiplier,
                                  int shift, int outputZeroPoint, int min, int max, byte[] y, int ys) {
        long offset = (long) inputZeroPoint * count;
        for (int o = 0; o < outputCount; o++) {
            // TFLite subtracts in 64 bits and narrows to the int32 accumulator type.
            int shifted = (int) (Le.i32(scratch, 4 * o) - offset);
            int r = FixedPoint.multiplyByQuantizedMultiplier(shifted, multiplier, shift) + outputZeroPoint;
            y[ys + o] = (byte) Math.max(min, Math.min(max, r));
        }
    }
}
