/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logsoftmax;

import dev.ember4j.core.quant.GemmlowpFixedPoint;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;

/** TFLite's reference_integer_ops::LogSoftmax for int8 (output scale 16/256, zero point 127). */
public final class LogSoftmaxKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<LogSoftmaxParams> KERNEL = LogSoftmaxKernel::run;

    private LogSoftmaxKernel() {}

    private static final int INPUT_INTEGER_BITS = 5;
    private static final int ACCUMULATION_INTEGER_BITS = 12;
    private static final int OUTPUT_INTEGER_BITS = 4;
    private static final int OUTPUT_ZERO_POINT = 127;

    public static void run(LogSoftmaxParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int depth = p.depth();
        for (int row = 0; row < p.outer(); row++) {
            row(p, x, xs + row * depth, y, ys + row * depth, depth);
        }
    }

    static void row(LogSoftmaxParams p, byte[] x, int xs, byte[] y, int ys, int depth) {
        int max = -128;
        for (int c = 0; c < depth; c++) {
            max = Math.max(max, x[xs + c]);
        }
        int sum = 0; // Q12.19, wrapping adds as gemmlowp's
        for (int c = 0; c < depth; c++) {
            int diff = x[xs + c] - max;
            if (diff >= p.diffMin()) {
                int q5 = FixedPoint.multiplyByQuantizedMultiplier(diff, p.inputMultiplier(), p.inputShift());
                int e = GemmlowpFixedPoint.expOnNegativeValues(q5, INPUT_INTEGER_BITS);
                sum += FixedPoint.roundingDivideByPOT(e, ACCUMULATION_INTEGER_BITS);
            }
        }
        int logSum = GemmlowpFixedPoint.logXForXGreaterThanOrEqualTo1(sum, ACCUMULATION_INTEGER_BITS, INPUT_INTEGER_BITS);
        int shifted = logSum + Integer.MIN_VALUE;
        int adjustedDiffMin = Math.max(p.diffMin() - 1,
                FixedPoint.multiplyByQuantizedMultiplier(shifted, p.reverseMultiplier(), p.reverseShift()));
        for (int c = 0; c < depth; c++) {
            int diff = x[xs + c] - max;
            if (diff > adjustedDiffMin) {
                int q5 = FixedPoint.multiplyByQuantizedMultiplier(diff, p.inputMultiplier(), p.inputShift());
                int r = FixedPoint.roundingDivideByPOT(q5 - logSum,
                        31 - INPUT_INTEGER_BITS - OUTPUT_INTEGER_BITS) + OUTPUT_ZERO_POINT;
                y[ys + c] = (byte) Math.max(-128, Math.min(127, r));
            } else {
                y[ys + c] = -128;
            }
        }
    }
}
