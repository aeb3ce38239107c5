/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.addn;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;

/**
 * ADD_N as TensorFlow Lite 2.21 runs it (its only ADD_N kernel, also under BUILTIN_REF, is
 * optimized_ops::AddN; one thread): per element, {@code x = in[0]}, then for each further input
 * {@code x = min(max(x + in[j], lowest), max)} in the tensors' type. For float32 that clamps every partial
 * sum to ±FLT_MAX (an overflow does not stay infinite; inf + -inf from the first two inputs is NaN, which
 * passes the clamp), the first input itself is not clamped, and -0.0 survives; int32 wraps.
 */
public final class AddNKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<AddNParams> KERNEL = AddNKernel::run;

    private AddNKernel() {}

    public static void run(AddNParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        int k = p.inputs();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        byte[] first = in[0].array(arena);
        int fs = in[0].start();
        int n = p.count();
        if (p.isFloat()) {
            for (int i = 0; i < n; i++) {
                float x = Le.f32(first, fs + 4 * i);
                for (int j = 1; j < k; j++) {
                    Slot t = in[j];
                    x = clamp(x + Le.f32(t.array(arena), t.start() + 4 * i));
                }
                Le.f32(y, ys + 4 * i, x);
            }
        } else {
            for (int i = 0; i < n; i++) {
                int x = Le.i32(first, fs + 4 * i);
                for (int j = 1; j < k; j++) {
                    Slot t = in[j];
                    x += Le.i32(t.array(arena), t.start() + 4 * i);
                }
                Le.i32(y, ys + 4 * i, x);
            }
        }
    }

    /** std::min(std::max(s, lowest), max): NaN passes, as in C++. */
    static float clamp(float s) {
        float m = s < -Float.MAX_VALUE ? -Float.MAX_VALUE : s;
        return Float.MAX_VALUE < m ? Float.MAX_VALUE : m;
    }
}
