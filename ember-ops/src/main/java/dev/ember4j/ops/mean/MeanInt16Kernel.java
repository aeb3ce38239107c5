/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mean;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Le;

/**
 * Reference int16 MEAN (TFLite's QuantizedMeanOrSum on int16_t): int32 sums in scratch (wrapping as
 * two's complement), then one requantization per output element clamped to the int16 range.
 */
public final class MeanInt16Kernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<MeanParams> KERNEL = MeanInt16Kernel::run;

    private MeanInt16Kernel() {}

    public static void run(MeanParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        int n = p.outputCount();
        for (int o = 0; o < n; o++) {
            Le.i32(scratch, 4 * o, 0);
        }
        byte[] x = in[0].array(arena);
        int i = in[0].start();
        int[] s = p.shape();
        int[] st = p.outStrides();
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int base = i0 * st[0] + i1 * st[1] + i2 * st[2] + i3 * st[3] + i4 * st[4];
                            for (int i5 = 0; i5 < s[5]; i5++) {
                                int at = 4 * (base + i5 * st[5]);
                                Le.i32(scratch, at, Le.i32(scratch, at) + Le.i16(x, i));
                                i += 2;
                            }
                        }
                    }
                }
            }
        }
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        long offset = (long) p.inputZeroPoint() * p.count();
        for (int o = 0; o < n; o++) {
            int shifted = (int) (Le.i32(scratch, 4 * o) - offset);
            int r = FixedPoint.multiplyByQuantizedMultiplier(shifted, p.multiplier(), p.shift()) + p.outputZeroPoint();
            Le.i16(y, ys + 2 * o, (short) Math.max(-32768, Math.min(32767, r)));
        }
    }
}
