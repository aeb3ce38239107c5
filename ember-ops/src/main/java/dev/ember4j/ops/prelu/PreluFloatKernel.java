/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.prelu;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * float32 PRELU as TFLite's ApplyPrelu: {@code x >= 0 ? x : x * alpha} (-0.0 passes unchanged, a NaN
 * input is multiplied and stays NaN with x86's bits).
 */
public final class PreluFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<PreluFloatParams> KERNEL = PreluFloatKernel::run;

    private PreluFloatKernel() {}

    private static final BroadcastRows.Row<PreluFloatParams> ROW = PreluFloatKernel::row;

    public static void run(PreluFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.inputStrides(), p.alphaStrides(), in, out, arena, ROW);
    }

    private static void row(PreluFloatParams p, byte[] x, int xs, int x1, int st1, byte[] a, int as, int x2,
                            int st2, byte[] y, int ys, int o, int n) {
        for (int i = 0; i < n; i++) {
            float v = Le.f32(x, xs + 4 * (x1 + i * st1));
            float r = v >= 0f ? v : X86Float.mul(v, Le.f32(a, as + 4 * (x2 + i * st2)));
            Le.f32(y, ys + 4 * (o + i), r);
        }
    }
}
