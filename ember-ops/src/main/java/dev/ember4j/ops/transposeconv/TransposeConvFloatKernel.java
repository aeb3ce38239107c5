/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transposeconv;

import dev.ember4j.ops.common.FloatClamp;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * Reference float TRANSPOSE_CONV (TFLite's reference_ops::TransposeConv): the output is zeroed, then every
 * input value scatters {@code x * w} into it in input order (batch, row, column, channel, filter row,
 * filter column, output channel), then each output gets its bias and the activation clamp. Products and
 * sums round separately; the running output is the first operand of its addition ({@code out += x * w}).
 */
public final class TransposeConvFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<TransposeConvFloatParams> KERNEL = TransposeConvFloatKernel::run;

    private TransposeConvFloatKernel() {}

    public static void run(TransposeConvFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
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
        java.util.Arrays.fill(y, ys, ys + 4 * count, (byte) 0);
        int xi = xs;
        for (int b = 0; b < p.batches(); b++) {
            int outBatch = b * outH * outW * outC;
            for (int iy = 0; iy < inH; iy++) {
                int oy0 = iy * p.strideHeight() - p.padHeight();
                for (int ix = 0; ix < inW; ix++) {
                    int ox0 = ix * p.strideWidth() - p.padWidth();
                    for (int ic = 0; ic < inC; ic++) {
                        float v = Le.f32(x, xi);
                        xi += 4;
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
                                int o = ys + 4 * (outBatch + (oy * outW + ox) * outC);
                                int wi = (fy * fW + fx) * inC + ic;
                                for (int oc = 0; oc < outC; oc++) {
                                    float prod = X86Float.mul(v, Le.f32(w, 4 * (oc * fH * fW * inC + wi)));
                                    Le.f32(y, o + 4 * oc, X86Float.add(Le.f32(y, o + 4 * oc), prod));
                                }
                            }
                        }
                    }
                }
            }
        }
        byte[] bias = p.bias();
        float lo = p.activationMin();
        float hi = p.activationMax();
        for (int i = 0; i < count; i++) {
            float acc = Le.f32(y, ys + 4 * i);
            if (bias.length != 0) {
                acc = X86Float.add(acc, Le.f32(bias, 4 * (i % outC)));
            }
            Le.f32(y, ys + 4 * i, FloatClamp.clamp(acc, lo, hi));
        }
    }
}
