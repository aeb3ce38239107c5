/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.squareddifference;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.BroadcastRows;

/** Reference int8 SQUARED_DIFFERENCE (TFLite's squared_difference.cc integer path). */
public final class SquaredDifferenceKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SquaredDifferenceParams> KERNEL = SquaredDifferenceKernel::run;

    private SquaredDifferenceKernel() {}

    private static final BroadcastRows.Row<SquaredDifferenceParams> ROW = SquaredDifferenceKernel::row;

    public static void run(SquaredDifferenceParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(SquaredDifferenceParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2,
                            int st2, byte[] y, int ys, int o, int n) {
        int shift = 1 << p.leftShift();
        for (int i = 0; i < n; i++) {
            int v1 = (p.input1Offset() + a[as + x1 + i * st1]) * shift;
            int v2 = (p.input2Offset() + b[bs + x2 + i * st2]) * shift;
            int r1 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v1, p.input1Multiplier(), p.input1Shift());
            int r2 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v2, p.input2Multiplier(), p.input2Shift());
            int d = r1 - r2;
            int r = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(d * d, p.outputMultiplier(),
                    p.outputShift()) + p.outputOffset();
            y[ys + o + i] = (byte) Math.max(-128, Math.min(127, r));
        }
    }
}
