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
 * Reference 16x8 TRANSPOSE_CONV (TFLite's reference_integer_ops::TransposeConv for int16 data and int8
 * weights): scatter into int64 accumulators held in the scratch, add the int64 bias, requantize with the
 * int64 MultiplyByQuantizedMultiplier, clamp.
 */
public final class TransposeConvInt16Kernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<TransposeConvInt16Params> KERNEL = TransposeConvInt16Kernel::run;

    private TransposeConvInt16Kernel() {}

    public static void run(TransposeConvInt16Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
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
        int count = p.batches() * outH * outW * outC;
        java.util.Arrays.fill(scratch, 0, 8 * count, (byte) 0);
        int xi = xs;
        for (int b = 0; b < p.batches(); b++) {
            int outBatch = b * outH * outW * outC;
            for (int iy = 0; iy < inH; iy++) {
                int oy0 = iy * p.strideHeight() - p.padHeight();
                for (int ix = 0; ix < inW; ix++) {
                    int ox0 = ix * p.strideWidth() - p.padWidth();
                    for (int ic = 0; ic < inC; ic++) {
                        int v = Le.i16(x, xi);
                        xi += 2;
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
                                int acc = 8 * (outBatch + (oy * outW + ox) * outC);
                                int wi = (fy * fW + fx) * inC + ic;
                                for (int oc = 0; oc < outC; oc++) {
                                    int a = acc + 8 * oc;
                                    Le.i64(scratch, a, Le.i64(scratch, a) + v * w[oc * fH * fW * inC + wi]);
                                }
                            }
                        }
                    }
                }
            }
        }
        byte[] bias = p.bias();
        int[] m = p.multiplier();
        int[] s = p.shift();
        for (int i = 0; i < count; i++) {
            int oc = i % outC;
            long acc = Le.i64(scratch, 8 * i);
            if (p.hasBias()) {
                acc += Le.i64(bias, 8 * oc);
            }
            int r = FixedPoint.multiplyByQuantizedMultiplier64(acc, m[oc], s[oc]);
            r = Math.max(p.activationMin(), Math.min(p.activationMax(), r));
            Le.i16(y, ys + 2 * i, (short) r);
        }
    }
}
