/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fullyconnected;

import dev.ember4j.ops.common.FloatClamp;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * Reference float FULLY_CONNECTED (TFLite's reference_ops::FullyConnected): per output, a float sum from
 * 0 of input times weight in depth order, then the bias added, then the activation clamp.
 * Multiplications and additions round separately (no fused multiply-add); NaNs follow x86 with each
 * product the first operand of its addition, as TFLite's compiled loop has it ({@link X86Float}).
 */
public final class FullyConnectedFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<FullyConnectedFloatParams> KERNEL = FullyConnectedFloatKernel::run;

    private FullyConnectedFloatKernel() {}

    public static void run(FullyConnectedFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        byte[] w = p.weights();
        byte[] bias = p.bias();
        int depth = p.depth();
        int outC = p.outDepth();
        float lo = p.activationMin();
        float hi = p.activationMax();
        for (int r = 0; r < p.rows(); r++) {
            int xi = xs + 4 * r * depth;
            for (int oc = 0; oc < outC; oc++) {
                int wi = 4 * oc * depth;
                float total = 0f;
                for (int d = 0; d < depth; d++) {
                    total = X86Float.add(X86Float.mul(Le.f32(x, xi + 4 * d), Le.f32(w, wi + 4 * d)), total);
                }
                float biasValue = bias.length == 0 ? 0f : Le.f32(bias, 4 * oc);
                Le.f32(y, ys + 4 * (r * outC + oc), FloatClamp.clamp(X86Float.add(total, biasValue), lo, hi));
            }
        }
    }
}
