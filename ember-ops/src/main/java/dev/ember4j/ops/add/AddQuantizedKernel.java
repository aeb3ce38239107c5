/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.add;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Elem;

/** Reference int16 / uint8 ADD (TFLite's reference_ops AddElementwise, BroadcastAdd4DSlow and the int16 POT Add). */
public final class AddQuantizedKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<AddQuantizedParams> KERNEL = AddQuantizedKernel::run;

    private AddQuantizedKernel() {}

    private static final BroadcastRows.Row<AddQuantizedParams> ROW = AddQuantizedKernel::row;

    public static void run(AddQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(AddQuantizedParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2,
                            int st2, byte[] y, int ys, int o, int n) {
        int e = p.elem();
        for (int i = 0; i < n; i++) {
            int v1 = Elem.get(e, a, as, x1 + i * st1);
            int v2 = Elem.get(e, b, bs, x2 + i * st2);
            Elem.put(e, y, ys, o + i, p.pot() ? pot(p, v1, v2) : general(p, v1, v2));
        }
    }

    static int general(AddQuantizedParams p, int x1, int x2) {
        int shift = 1 << p.leftShift();
        int v1 = (p.input1Offset() + x1) * shift;
        int v2 = (p.input2Offset() + x2) * shift;
        int r1 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v1, p.input1Multiplier(), p.input1Shift());
        int r2 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v2, p.input2Multiplier(), p.input2Shift());
        int r = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(r1 + r2, p.outputMultiplier(),
                p.outputShift()) + p.outputOffset();
        return Math.max(p.activationMin(), Math.min(p.activationMax(), r));
    }

    static int pot(AddQuantizedParams p, int x1, int x2) {
        int sum = FixedPoint.roundingDivideByPOT(x1, p.potShift1()) + FixedPoint.roundingDivideByPOT(x2, p.potShift2());
        int saturated = Math.max(-32768, Math.min(32767, sum));
        return Math.max(p.activationMin(), Math.min(p.activationMax(), saturated));
    }
}
