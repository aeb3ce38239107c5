/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.squareddifference;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/** float32 SQUARED_DIFFERENCE as TFLite's SquaredDifference: {@code d = x - y; d * d}, each rounded to float. */
public final class SquaredDifferenceFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SquaredDifferenceFloatParams> KERNEL = SquaredDifferenceFloatKernel::run;

    private SquaredDifferenceFloatKernel() {}

    private static final BroadcastRows.Row<SquaredDifferenceFloatParams> ROW = SquaredDifferenceFloatKernel::row;

    public static void run(SquaredDifferenceFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(SquaredDifferenceFloatParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs,
                            int x2, int st2, byte[] y, int ys, int o, int n) {
        for (int i = 0; i < n; i++) {
            float d = X86Float.sub(Le.f32(a, as + 4 * (x1 + i * st1)), Le.f32(b, bs + 4 * (x2 + i * st2)));
            Le.f32(y, ys + 4 * (o + i), X86Float.mul(d, d));
        }
    }
}
