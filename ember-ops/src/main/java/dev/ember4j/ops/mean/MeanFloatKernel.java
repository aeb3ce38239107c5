/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mean;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * Reference float MEAN (TFLite's reference_ops::Mean&lt;float, float&gt;): float accumulators in scratch,
 * cleared to 0, each input element added to its output's accumulator in input order, then every sum
 * divided by the float element count.
 */
public final class MeanFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<MeanParams> KERNEL = MeanFloatKernel::run;

    private MeanFloatKernel() {}

    public static void run(MeanParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        int n = p.outputCount();
        for (int o = 0; o < n; o++) {
            Le.f32(scratch, 4 * o, 0f);
        }
        int[] s = p.shape();
        int[] st = p.outStrides();
        int i = xs;
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int base = i0 * st[0] + i1 * st[1] + i2 * st[2] + i3 * st[3] + i4 * st[4];
                            for (int i5 = 0; i5 < s[5]; i5++) {
                                int at = 4 * (base + i5 * st[5]);
                                Le.f32(scratch, at, X86Float.add(Le.f32(scratch, at), Le.f32(x, i)));
                                i += 4;
                            }
                        }
                    }
                }
            }
        }
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        float count = p.count();
        for (int o = 0; o < n; o++) {
            Le.f32(y, ys + 4 * o, X86Float.div(Le.f32(scratch, 4 * o), count));
        }
    }
}
