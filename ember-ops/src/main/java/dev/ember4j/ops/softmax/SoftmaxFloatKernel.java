/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.FloatMath;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * Reference float SOFTMAX (TFLite's reference_ops::Softmax for float), per row: the maximum by
 * std::max from -FLT_MAX, then expf((x - max) * beta) written to the output and summed in float from 0
 * in order, then each output divided by the sum.
 */
public final class SoftmaxFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SoftmaxFloatParams> KERNEL = SoftmaxFloatKernel::run;

    private SoftmaxFloatKernel() {}

    public static void run(SoftmaxFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int depth = p.depth();
        float beta = p.beta();
        for (int r = 0; r < p.outer(); r++) {
            int xi = xs + 4 * r * depth;
            int yi = ys + 4 * r * depth;
            float max = -Float.MAX_VALUE;
            for (int c = 0; c < depth; c++) {
                float v = Le.f32(x, xi + 4 * c);
                max = max < v ? v : max;
            }
            float sum = 0f;
            for (int c = 0; c < depth; c++) {
                float e = FloatMath.expf(X86Float.mul(X86Float.sub(Le.f32(x, xi + 4 * c), max), beta));
                Le.f32(y, yi + 4 * c, e);
                sum = X86Float.add(sum, e);
            }
            for (int c = 0; c < depth; c++) {
                Le.f32(y, yi + 4 * c, X86Float.div(Le.f32(y, yi + 4 * c), sum));
            }
        }
    }
}
