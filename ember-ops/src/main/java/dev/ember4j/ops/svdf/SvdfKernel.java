/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.svdf;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Le;

/**
 * TFLite 2.21's full-integer SVDF (reference_ops::EvalIntegerSVDF): shift the int16 state left by one
 * step, write the feature matmul (requantized to int16, saturated) into each filter's newest slot, dot
 * each filter's memory with its time weights (int32), add the bias, sum the rank filters of each unit,
 * requantize to int8. No activation is applied on this path (TFLite only accepts RELU and ignores it).
 */
public final class SvdfKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SvdfParams> KERNEL = SvdfKernel::run;

    private SvdfKernel() {}

    public static void run(SvdfParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] st = in[1].array(arena);
        int ss = in[1].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int nBatch = p.batch();
        int nInput = p.inputSize();
        int nFilter = p.filters();
        int nMemory = p.memory();
        int nUnit = p.units();
        int nRank = p.rank();
        byte[] wf = p.weightsFeature();
        byte[] wt = p.weightsTime();
        int inZp = p.inputZeroPoint();

        // Shift the whole state left by one element (std::copy of [1, n) to [0, n - 1)).
        int stateElements = nBatch * nMemory * nFilter;
        System.arraycopy(st, ss + 2, st, ss, 2 * (stateElements - 1));

        // Feature matmul into the newest slot of every filter.
        for (int b = 0; b < nBatch; b++) {
            for (int r = 0; r < nFilter; r++) {
                int dot = 0;
                int w = r * nInput;
                int v = xs + b * nInput;
                for (int c = 0; c < nInput; c++) {
                    dot += wf[w + c] * (x[v + c] - inZp);
                }
                dot = FixedPoint.multiplyByQuantizedMultiplier(dot, p.scale1Multiplier(), p.scale1Shift());
                dot = Math.min(Math.max(-32768, dot), 32767);
                Le.i16(st, ss + 2 * ((b * nFilter + r) * nMemory + nMemory - 1), (short) dot);
            }
        }

        // Time: scratch[b][f] = dot(weights_time[f], state[b][f]).
        int scratchBase = 0;
        int tempBase = 4 * nBatch * nFilter;
        for (int b = 0; b < nBatch; b++) {
            for (int f = 0; f < nFilter; f++) {
                int acc = 0;
                int w = 2 * f * nMemory;
                int s = ss + 2 * ((b * nFilter + f) * nMemory);
                for (int j = 0; j < nMemory; j++) {
                    acc += Le.i16(wt, w + 2 * j) * Le.i16(st, s + 2 * j);
                }
                Le.i32(scratch, scratchBase + 4 * (b * nFilter + f), acc);
            }
        }

        // Bias, reduce over rank, rescale.
        int[] bias = p.bias();
        for (int b = 0; b < nBatch; b++) {
            for (int u = 0; u < nUnit; u++) {
                int acc = bias == null ? 0 : bias[u];
                for (int k = 0; k < nRank; k++) {
                    acc += Le.i32(scratch, scratchBase + 4 * (b * nFilter + u * nRank + k));
                }
                Le.i32(scratch, tempBase + 4 * (b * nUnit + u), acc);
            }
        }
        int outZp = p.outputZeroPoint();
        for (int i = 0; i < nBatch * nUnit; i++) {
            int v = FixedPoint.multiplyByQuantizedMultiplier(Le.i32(scratch, tempBase + 4 * i), p.scale2Multiplier(),
                    p.scale2Shift()) + outZp;
            y[ys + i] = (byte) Math.min(Math.max(-128, v), 127);
        }
    }
}
