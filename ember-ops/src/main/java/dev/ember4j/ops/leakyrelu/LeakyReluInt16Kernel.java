/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.leakyrelu;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Le;

/** Reference int16 LEAKY_RELU (TFLite's QuantizeLeakyRelu&lt;int16_t&gt;). */
public final class LeakyReluInt16Kernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<LeakyReluInt16Params> KERNEL = LeakyReluInt16Kernel::run;

    private LeakyReluInt16Kernel() {}

    public static void run(LeakyReluInt16Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        for (int i = 0; i < p.count(); i++) {
            Le.i16(y, ys + 2 * i, (short) apply(p, Le.i16(x, xs + 2 * i)));
        }
    }

    static int apply(LeakyReluInt16Params p, int x) {
        int d = x - p.inputZeroPoint();
        int r = d >= 0
                ? FixedPoint.multiplyByQuantizedMultiplier(d, p.identityMultiplier(), p.identityShift())
                : FixedPoint.multiplyByQuantizedMultiplier(d, p.alphaMultiplier(), p.alphaShift());
        return Math.min(32767, Math.max(-32768, p.outputZeroPoint() + r));
    }
}
