/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.binary;

import dev.ember4j.ops.common.FloatClamp;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * TFLite's reference float ADD, SUB and MUL (Add/SubWithActivation/Mul and their Broadcast*Slow forms):
 * {@code ActivationFunctionWithMinMax(x1 op x2, min, max)} per element, one IEEE float operation each.
 */
public final class FloatBinaryKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<FloatBinaryParams> KERNEL = FloatBinaryKernel::run;

    private FloatBinaryKernel() {}

    public static final int ADD = 0;
    public static final int SUB = 1;
    public static final int MUL = 2;

    private static final BroadcastRows.Row<FloatBinaryParams> ROW = FloatBinaryKernel::row;

    public static void run(FloatBinaryParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(FloatBinaryParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2,
                            int st2, byte[] y, int ys, int o, int n) {
        float lo = p.activationMin();
        float hi = p.activationMax();
        int op = p.op();
        for (int i = 0; i < n; i++) {
            float u = Le.f32(a, as + 4 * (x1 + i * st1));
            float v = Le.f32(b, bs + 4 * (x2 + i * st2));
            float r = op == ADD ? X86Float.add(u, v) : op == SUB ? X86Float.sub(u, v) : X86Float.mul(u, v);
            Le.f32(y, ys + 4 * (o + i), FloatClamp.clamp(r, lo, hi));
        }
    }
}
