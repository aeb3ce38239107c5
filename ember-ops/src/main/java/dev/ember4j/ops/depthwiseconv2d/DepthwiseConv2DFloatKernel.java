/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthwiseconv2d;

import dev.ember4j.ops.common.FloatClamp;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * Reference float DEPTHWISE_CONV_2D (TFLite's reference_ops::DepthwiseConv for float): per output channel
 * oc = ic * multiplier + m, a float sum from 0 over filter row and column (points outside the image
 * skipped), then the bias added, then the activation clamp.
 * Multiplications and additions round separately (no fused multiply-add); NaNs follow x86 with each
 * product the first operand of its addition, as TFLite's compiled loop has it ({@link X86Float}).
 */
public final class DepthwiseConv2DFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<DepthwiseConv2DFloatParams> KERNEL = DepthwiseConv2DFloatKernel::run;

    private DepthwiseConv2DFloatKernel() {}

    public static void run(DepthwiseConv2DFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
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
        int mult = p.depthMultiplier();
        int fH = p.filterHeight();
        int fW = p.filterWidth();
        float lo = p.activationMin();
        float hi = p.activationMax();
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outHeight(); oy++) {
                int iy0 = oy * p.strideHeight() - p.padTop();
                for (int ox = 0; ox < p.outWidth(); ox++) {
                    int ix0 = ox * p.strideWidth() - p.padLeft();
                    int o = ((b * p.outHeight() + oy) * p.outWidth() + ox) * outC;
                    for (int ic = 0; ic < inC; ic++) {
                        for (int m = 0; m < mult; m++) {
                            int oc = ic * mult + m;
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
                                    float xv = Le.f32(x, xs + 4 * (((b * inH + iy) * inW + ix) * inC + ic));
                                    float wv = Le.f32(w, 4 * ((fy * fW + fx) * outC + oc));
                                    total = X86Float.add(X86Float.mul(xv, wv), total);
                                }
                            }
                            float biasValue = bias.length == 0 ? 0f : Le.f32(bias, 4 * oc);
                            Le.f32(y, ys + 4 * (o + oc), FloatClamp.clamp(X86Float.add(total, biasValue), lo, hi));
                        }
                    }
                }
            }
        }
    }
}
