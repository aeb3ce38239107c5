/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.dequantize;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.common.Le;

/** Reference DEQUANTIZE: the product in double (the float scale widened), rounded once to float. */
public final class DequantizeKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<DequantizeParams> KERNEL = DequantizeKernel::run;

    private DequantizeKernel() {}

    public static void run(DequantizeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        for (int i = 0; i < p.count(); i++) {
            int v = Elem.get(p.inputElem(), x, xs, i) - p.zeroPoint();
            Le.f32(y, ys + 4 * i, (float) (p.scale() * v));
        }
    }
}
