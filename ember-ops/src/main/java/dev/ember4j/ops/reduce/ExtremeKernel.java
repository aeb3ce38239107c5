/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/** Reference int8 REDUCE_MAX / REDUCE_MIN (TFLite's ReduceGeneric with MaxOp / MinOp). */
public final class ExtremeKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ExtremeParams> KERNEL = ExtremeKernel::run;

    private ExtremeKernel() {}

    public static void run(ExtremeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        boolean max = p.max();
        byte init = max ? Byte.MIN_VALUE : Byte.MAX_VALUE;
        for (int o = 0; o < p.outputCount(); o++) {
            y[ys + o] = init;
        }
        int[] s = p.shape();
        int[] st = p.outStrides();
        int i = xs;
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int base = ys + i0 * st[0] + i1 * st[1] + i2 * st[2] + i3 * st[3] + i4 * st[4];
                            for (int i5 = 0; i5 < s[5]; i5++) {
                                int at = base + i5 * st[5];
                                byte v = x[i++];
                                if (max ? v > y[at] : v < y[at]) {
                                    y[at] = v;
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
