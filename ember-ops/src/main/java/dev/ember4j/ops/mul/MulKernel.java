/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mul;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Elem;

/** Reference quantized MUL (TFLite's MulElementwise / BroadcastMul6DSlow for int8, uint8 and int16). */
public final class MulKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<MulParams> KERNEL = MulKernel::run;

    private MulKernel() {}

    private static final BroadcastRows.Row<MulParams> ROW = MulKernel::row;

    public static void run(MulParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(MulParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        int elem = p.elem();
        for (int i = 0; i < n; i++) {
            int v1 = p.input1Offset() + Elem.get(elem, a, as, x1 + i * st1);
            int v2 = p.input2Offset() + Elem.get(elem, b, bs, x2 + i * st2);
            int r = p.outputOffset() + FixedPoint.multiplyByQuantizedMultiplier(v1 * v2, p.multiplier(), p.shift());
            Elem.put(elem, y, ys, o + i, Math.max(p.activationMin(), Math.min(p.activationMax(), r)));
        }
    }
}
