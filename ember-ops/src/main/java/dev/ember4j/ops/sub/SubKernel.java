/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sub;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.BroadcastRows;

/** Reference int8 SUB (TFLite's reference_integer_ops Add / BroadcastAdd4DSlow with a negated input-2 multiplier). */
public final class SubKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SubParams> KERNEL = SubKernel::run;

    private SubKernel() {}

    private static final BroadcastRows.Row<SubParams> ROW = SubKernel::row;

    public static void run(SubParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(SubParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        int shift = 1 << p.leftShift();
        for (int i = 0; i < n; i++) {
            int v1 = (p.input1Offset() + a[as + x1 + i * st1]) * shift;
            int v2 = (p.input2Offset() + b[bs + x2 + i * st2]) * shift;
            int r1 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v1, p.input1Multiplier(), p.input1Shift());
            int r2 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v2, p.input2Multiplier(), p.input2Shift());
            int r = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(r1 + r2, p.outputMultiplier(),
                    p.outputShift()) + p.outputOffset();
            y[ys + o + i] = (byte) Math.max(p.activationMin(), Math.min(p.activationMax(), r));
        }
    }
}
