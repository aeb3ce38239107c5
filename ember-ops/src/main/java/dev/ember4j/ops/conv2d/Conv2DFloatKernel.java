/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.conv2d;

import dev.ember4j.ops.common.FloatClamp;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * Reference float CONV_2D (TFLite's reference_ops::Conv): per output, a float sum from 0 over filter row,
 * filter column and input channel (points outside the image skipped), then the bias added, then the
 * activation clamp. Multiplications and additions round separately (no fused multiply-add); NaNs follow x86 with each
 * product the first operand of its addition, as TFLite's compiled loop has it ({@link X86Float}).
 */
public final class Conv2DFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<Conv2DFloatParams> KERNEL = Conv2DFloatKernel::run;

    private Conv2DFloatKernel() {}

    public static void run(Conv2DFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        byte[] w = p.filter();
        byte[] bias = p.bias();
        int inH = p.inHeight();
        int inW = p.inWidth();
        int inC = p.inDepth();
        int outC = p.outDepth();
        int fH = p.filterHeight();
        int fW = p.filterWidth();
        float lo = p.activationMin();
        float hi = p.activationMax();
        int o = 0;
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outHeight(); oy++) {
                int iy0 = oy * p.strideHeight() - p.padTop();
                for (int ox = 0; ox < p.outWidth(); ox++) {
                    int ix0 = ox * p.strideWidth() - p.padLeft();
                    for (int oc = 0; oc < outC; oc++) {
                        float total = 0f;
                        for (int fy = 0; fy < fH; fy++) {
                            int iy = iy0 + p.dilationHeight() * fy;
                            if (iy < 0 || iy >= inH) {
                                continue;
                            }
                            for (int fx = 0; fx < fW; fx++) {
                                int ix = ix0 + p.dilationWidth() * fx;
                                if (ix < 0 || ix >= inW) {
                                    continue;
                                }
                                int xi = xs + 4 * (((b * inH + iy) * inW + ix) * inC);
                                int wi = 4 * (((oc * fH + fy) * fW + fx) * inC);
                                for (int ic = 0; ic < inC; ic++) {
                                    total = X86Float.add(X86Float.mul(Le.f32(x, xi + 4 * ic), Le.f32(w, wi + 4 * ic)), total);
                                }
                            }
                        }
                        float biasValue = bias.length == 0 ? 0f : Le.f32(bias, 4 * oc);
                        Le.f32(y, ys + 4 * o++, FloatClamp.clamp(X86Float.add(total, biasValue), lo, hi));
                    }
                }
            }
        }
    }
}
