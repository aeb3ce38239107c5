/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.l2normalization;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * TFLite's reference float L2Normalization: per row a float sum of squares from 0 in order, its sqrt
 * (correctly rounded, as sqrtf), {@code std::max(norm, 1e-6f)} (a NaN norm stays NaN), then every
 * value divided by it. The input zero point of the params is unused.
 */
public final class L2NormalizationFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<L2NormalizationParams> KERNEL = L2NormalizationFloatKernel::run;

    private L2NormalizationFloatKernel() {}

    private static final float EPSILON = 1e-6f;

    public static void run(L2NormalizationParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int depth = p.depth();
        for (int r = 0; r < p.outer(); r++) {
            int row = 4 * r * depth;
            float squares = 0f;
            for (int c = 0; c < depth; c++) {
                float v = Le.f32(x, xs + row + 4 * c);
                squares = X86Float.add(squares, X86Float.mul(v, v));
            }
            float norm = (float) Math.sqrt(squares);
            norm = norm < EPSILON ? EPSILON : norm;
            for (int c = 0; c < depth; c++) {
                Le.f32(y, ys + row + 4 * c, X86Float.div(Le.f32(x, xs + row + 4 * c), norm));
            }
        }
    }
}
