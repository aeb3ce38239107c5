/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.relu;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;

/** Reference int8 RELU, RELU6 and RELU_N1_TO_1 (TFLite's ReluX with ReluParams). */
public final class ReluKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ReluParams> KERNEL = ReluKernel::run;

    private ReluKernel() {}

    public static void run(ReluParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int n = p.count();
        for (int i = 0; i < n; i++) {
            y[ys + i] = (byte) apply(p, x[xs + i]);
        }
    }

    static int apply(ReluParams p, int x) {
        int r = p.outputZeroPoint()
                + FixedPoint.multiplyByQuantizedMultiplier(x - p.inputZeroPoint(), p.multiplier(), p.shift());
        r = Math.max(p.activationMin(), r);
        r = Math.min(p.activationMax(), r);
        return r;
    }
}
