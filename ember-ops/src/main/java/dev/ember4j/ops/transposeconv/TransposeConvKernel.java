/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transposeconv;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Le;

/**
 * Reference int8 TRANSPOSE_CONV (TFLite's reference_integer_ops::TransposeConv): scatter into int32
 * accumulators held in the scratch, then requantize per output channel.
 */
public final class TransposeConvKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<TransposeConvParams> KERNEL = TransposeConvKernel::run;

    private TransposeConvKernel() {}

    public static void run(TransposeConvParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        byte[] w = p.weights();
        int inH = p.inHeight();
        int inW = p.inWidth();
        int inC = p.inDepth();
        int outH = p.outHeight();
        int outW = p.outWidth();
        int outC = p.outDepth();
        int fH = p.filterHeight();
        int fW = p.filterWidth();
        int inputOffset = p.inputOffset();
        int count = p.batches() * outH * outW * outC;
        java.util.Arrays.fill(scratch, 0, 4 * count, (byte) 0);
        int xi = xs;
        for (int b = 0; b < p.batches(); b++) {
            int outBatch = b * outH * outW * outC;
            for (int iy = 0; iy < inH; iy++) {
                int oy0 = iy * p.strideHeight() - p.padHeight();
                for (int ix = 0; ix < inW; ix++) {
                    int ox0 = ix * p.strideWidth() - p.padWidth();
                    for (int ic = 0; ic < inC; ic++) {
                        int v = x[xi++] + inputOffset;
                        for (int fy = 0; fy < fH; fy++) {
                            int oy = oy0 + fy;
                            if (oy < 0 || oy >= outH) {
                                continue;
                            }
                            for (int fx = 0; fx < fW; fx++) {
                                int ox = ox0 + fx;
                                if (ox < 0 || ox >= outW) {
                                    continue;
                                }
                                int acc = 4 * (outBatch + (oy * outW + ox) * outC);
                                int wi = (fy * fW + fx) * inC + ic;
                                for (int oc = 0; oc < outC; oc++) {
                                    int a = acc + 4 * oc;
                                    Le.i32(scratch, a, Le.i32(scratch, a) + v * w[oc * fH * fW * inC + wi]);
                                }
                            }
                        }
                    }
                }
            }
        }
        int[] bias = p.bias();
        int[] m = p.multiplier();
        int[] s = p.shift();
        for (int i = 0; i < count; i++) {
            int oc = i % outC;
            int acc = Le.i32(scratch, 4 * i);
            if (p.hasBias()) {
                acc += bias[oc];
            }
            acc = FixedPoint.multiplyByQuantizedMultiplier(acc, m[oc], s[oc]) + p.outputOffset();
            acc = Math.max(p.activationMin(), Math.min(p.activationMax(), acc));
            y[ys + i] = (byte) acc;
        }
    }
}
