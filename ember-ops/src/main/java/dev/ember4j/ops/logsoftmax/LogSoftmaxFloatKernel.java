/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logsoftmax;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.FloatMath;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * Reference float LOG_SOFTMAX (TFLite's reference_ops::LogSoftmax), per row: the maximum by std::max
 * from -FLT_MAX (NaNs skipped), the float sum from 0 of expf(x - max) in order, logf of the sum (glibc's,
 * {@link FloatMath#logf}), then {@code (x - max) - log_sum}.
 */
public final class LogSoftmaxFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<LogSoftmaxFloatParams> KERNEL = LogSoftmaxFloatKernel::run;

    private LogSoftmaxFloatKernel() {}

    public static void run(LogSoftmaxFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int depth = p.depth();
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
                sum = X86Float.add(sum, FloatMath.expf(X86Float.sub(Le.f32(x, xi + 4 * c), max)));
            }
            float logSum = FloatMath.logf(sum);
            for (int c = 0; c < depth; c++) {
                Le.f32(y, yi + 4 * c, X86Float.sub(X86Float.sub(Le.f32(x, xi + 4 * c), max), logSum));
            }
        }
    }
}
