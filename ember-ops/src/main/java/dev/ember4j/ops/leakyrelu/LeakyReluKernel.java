/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.leakyrelu;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;

/** Reference int8 LEAKY_RELU (TFLite's QuantizeLeakyRelu). */
public final class LeakyReluKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<LeakyReluParams> KERNEL = LeakyReluKernel::run;

    private LeakyReluKernel() {}

    public static void run(LeakyReluParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int n = p.count();
        for (int i = 0; i < n; i++) {
            y[ys + i] = (byte) apply(p, x[xs + i]);
        }
    }

    /** The output value (in [-128, 127]) of one input value. */
    static int apply(LeakyReluParams p, int x) {
        int d = x - p.inputZeroPoint();
        int r;
        if (d >= 0) {
            r = p.outputZeroPoint() + FixedPoint.multiplyByQuantizedMultiplier(d, p.identityMultiplier(),
                    p.identityShift());
        } else {
            r = p.outputZeroPoint() + FixedPoint.multiplyByQuantizedMultiplier(d, p.alphaMultiplier(),
                    p.alphaShift());
        }
        return Math.min(127, Math.max(-128, r));
    }
}
