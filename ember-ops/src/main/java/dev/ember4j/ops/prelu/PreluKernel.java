/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.prelu;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.BroadcastRows;

/** Reference int8 PRELU (TFLite's Prelu and BroadcastPrelu4DSlow: the same arithmetic per element). */
public final class PreluKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<PreluParams> KERNEL = PreluKernel::run;

    private PreluKernel() {}

    private static final BroadcastRows.Row<PreluParams> ROW = PreluKernel::row;

    public static void run(PreluParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.inputStrides(), p.alphaStrides(), in, out, arena, ROW);
    }

    /** The walk's first input is x, its second alpha. */
    private static void row(PreluParams p, byte[] x, int xs, int x1, int st1, byte[] a, int as, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        for (int i = 0; i < n; i++) {
            y[ys + o + i] = (byte) apply(p, x[xs + x1 + i * st1], a[as + x2 + i * st2]);
        }
    }

    /** The output value (in [-128, 127]) of one input and alpha value. */
    static int apply(PreluParams p, int x, int alpha) {
        int d = p.inputOffset() + x;
        int r;
        if (d >= 0) {
            r = FixedPoint.multiplyByQuantizedMultiplier(d, p.multiplier1(), p.shift1());
        } else {
            r = FixedPoint.multiplyByQuantizedMultiplier(d * (p.alphaOffset() + alpha), p.multiplier2(), p.shift2());
        }
        r += p.outputOffset();
        return Math.max(-128, Math.min(127, r));
    }
}
