/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.l2normalization;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.InvSqrt;

/**
 * Reference int8 L2_NORMALIZATION (TFLite's reference_integer_ops::L2Normalization): the sum of squares
 * of a row gives a fixed-point 1/sqrt multiplier (GetInvSqrtQuantizedMultiplierExp, a Newton-Raphson
 * iteration in gemmlowp Q3.28), which scales every value of the row to Q0.7.
 */
public final class L2NormalizationKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<L2NormalizationParams> KERNEL = L2NormalizationKernel::run;

    private L2NormalizationKernel() {}

    private static final int OUTPUT_SCALE_BITS = 7;

    public static void run(L2NormalizationParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int depth = p.depth();
        int zp = p.inputZeroPoint();
        for (int r = 0; r < p.outer(); r++) {
            int start = r * depth;
            int acc = 0;
            for (int i = 0; i < depth; i++) {
                int v = x[xs + start + i] - zp;
                acc += v * v;
            }
            long ms = invSqrt(acc);
            int multiplier = (int) (ms >> 32);
            int shift = (int) ms;
            for (int i = 0; i < depth; i++) {
                int v = x[xs + start + i] - zp;
                int q = FixedPoint.multiplyByQuantizedMultiplier(v, multiplier, shift + OUTPUT_SCALE_BITS);
                y[ys + start + i] = (byte) Math.max(-128, Math.min(127, q));
            }
        }
    }

    /** TFLite's GetInvSqrtQuantizedMultiplierExp (reverse_shift -1): multiplier high, left shift low. */
    static long invSqrt(int input) {
        return InvSqrt.packed(input);
    }
}
