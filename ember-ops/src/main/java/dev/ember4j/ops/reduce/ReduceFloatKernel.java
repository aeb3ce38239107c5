/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * TFLite's reference ReduceGeneric on floats: every output starts at the reducer's initial value (0.0f
 * for SUM, numeric_limits lowest()/max() — ±FLT_MAX, not infinities — for MAX/MIN) and folds the
 * input in storage order. MAX/MIN keep the current value unless the input compares greater/less, so NaN
 * inputs are skipped and an all-NaN or all-infinite reduction can give ∓FLT_MAX, as TFLite does.
 */
public final class ReduceFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ReduceFloatParams> KERNEL = ReduceFloatKernel::run;

    private ReduceFloatKernel() {}

    public static void run(ReduceFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int kind = p.kind();
        float init = kind == ReduceFloatParams.SUM ? 0f : kind == ReduceFloatParams.MAX ? -Float.MAX_VALUE
                : Float.MAX_VALUE;
        for (int o = 0; o < p.outputCount(); o++) {
            Le.f32(y, ys + 4 * o, init);
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
                                int at = ys + 4 * (base + i5 * st[5]);
                                float v = Le.f32(x, i);
                                i += 4;
                                float cur = Le.f32(y, at);
                                float r;
                                if (kind == ReduceFloatParams.SUM) {
                                    r = X86Float.add(v, cur);
                                } else if (kind == ReduceFloatParams.MAX) {
                                    r = v > cur ? v : cur;
                                } else {
                                    r = v < cur ? v : cur;
                                }
                                Le.f32(y, at, r);
                            }
                        }
                    }
                }
            }
        }
    }
}
