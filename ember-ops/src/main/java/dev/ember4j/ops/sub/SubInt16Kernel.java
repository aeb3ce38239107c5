/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sub;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Le;

/** Reference int16 SUB (TFLite's int16 AddElementwise with a negated input-2 multiplier, zero points 0). */
public final class SubInt16Kernel {
    /** Headroom TFLite gives int16 inputs (general-scale path). */
    public static final int LEFT_SHIFT_INT16 = 15;

    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SubInt16Params> KERNEL = SubInt16Kernel::run;

    private SubInt16Kernel() {}

    private static final BroadcastRows.Row<SubInt16Params> ROW = SubInt16Kernel::row;

    public static void run(SubInt16Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(SubInt16Params p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        for (int i = 0; i < n; i++) {
            int v1 = Le.i16(a, as + 2 * (x1 + i * st1));
            int v2 = Le.i16(b, bs + 2 * (x2 + i * st2));
            Le.i16(y, ys + 2 * (o + i), (short) apply(p, v1, v2));
        }
    }

    static int apply(SubInt16Params p, int x1, int x2) {
        int r1 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(x1 * (1 << LEFT_SHIFT_INT16),
                p.input1Multiplier(), p.input1Shift());
        int r2 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(x2 * (1 << LEFT_SHIFT_INT16),
                p.input2Multiplier(), p.input2Shift());
        int r = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(r1 + r2, p.outputMultiplier(),
                p.outputShift());
        return Math.max(p.activationMin(), Math.min(p.activationMax(), r));
    }
}
