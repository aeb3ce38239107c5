/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.leakyrelu;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;

/** TFLite's float LeakyRelu: {@code x > 0 ? x : x * alpha} (NaN and -0.0 take the product). */
public final class LeakyReluFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<LeakyReluFloatParams> KERNEL = LeakyReluFloatKernel::run;

    private LeakyReluFloatKernel() {}

    public static void run(LeakyReluFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        float alpha = p.alpha();
        for (int i = 0; i < p.count(); i++) {
            float v = Le.f32(x, xs + 4 * i);
            Le.f32(y, ys + 4 * i, v > 0f ? v : v * alpha);
        }
    }
}
