/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.div;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Le;

/**
 * Reference DIV (TFLite's reference_ops::Div / BroadcastDivSlow for float and int32):
 * {@code min(max(x1 / x2, lo), hi)} with C++'s std::max/std::min (a NaN quotient passes through, -0.0
 * is kept against a 0 bound). Float division is IEEE single precision, so x / 0 is an infinity clamped
 * to the activation range (±FLT_MAX without one) and 0 / 0 is NaN, as in TFLite. int32 division
 * truncates toward zero; where TFLite fails the inference (a zero divisor) or traps (MIN_VALUE / -1),
 * Ember4j writes 0 for x / 0 and MIN_VALUE for MIN_VALUE / -1 (then the activation clamp).
 */
public final class DivKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<DivParams> KERNEL = DivKernel::run;

    private DivKernel() {}

    private static final BroadcastRows.Row<DivParams> FLOAT_ROW = DivKernel::floatRow;
    private static final BroadcastRows.Row<DivParams> INT_ROW = DivKernel::intRow;

    public static void run(DivParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena,
                p.isFloat() ? FLOAT_ROW : INT_ROW);
    }

    private static void floatRow(DivParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2,
                                 int st2, byte[] y, int ys, int o, int n) {
        float lo = p.floatMin();
        float hi = p.floatMax();
        for (int i = 0; i < n; i++) {
            float q = Le.f32(a, as + 4 * (x1 + i * st1)) / Le.f32(b, bs + 4 * (x2 + i * st2));
            Le.f32(y, ys + 4 * (o + i), clamp(q, lo, hi));
        }
    }

    private static void intRow(DivParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2,
                               int st2, byte[] y, int ys, int o, int n) {
        int lo = p.intMin();
        int hi = p.intMax();
        for (int i = 0; i < n; i++) {
            int u = Le.i32(a, as + 4 * (x1 + i * st1));
            int v = Le.i32(b, bs + 4 * (x2 + i * st2));
            int q = v == 0 ? 0 : u / v; // Java: MIN_VALUE / -1 == MIN_VALUE
            q = q < lo ? lo : q;
            Le.i32(y, ys + 4 * (o + i), hi < q ? hi : q);
        }
    }

    /** std::min(std::max(x, lo), hi): (x < lo ? lo : x), then (hi < x ? hi : x). */
    static float clamp(float x, float lo, float hi) {
        float m = x < lo ? lo : x;
        return hi < m ? hi : m;
    }
}
