/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.conv2d;

import dev.ember4j.ops.common.WideRequantize;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.support.WideQuantization;

/**
 * Reference CONV_2D for int16 (TFLite's reference_integer_ops::ConvPerChannel, 16-bit data and 8-bit
 * weights, int64 accumulator with an int64 bias, int32 with an int32 or no bias) and uint8
 * (reference_ops::Conv: (w + filterOffset) * (x + inputOffset) in int32, one multiplier).
 */
public final class Conv2DQuantizedKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<Conv2DQuantizedParams> KERNEL = Conv2DQuantizedKernel::run;

    private Conv2DQuantizedKernel() {}

    public static void run(Conv2DQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int elem = p.elem();
        boolean unsignedWeights = elem == Elem.UINT8;
        byte[] w = p.filter();
        int inH = p.inHeight();
        int inW = p.inWidth();
        int inC = p.inDepth();
        int outC = p.outDepth();
        int fH = p.filterHeight();
        int fW = p.filterWidth();
        int inputOffset = p.inputOffset();
        int filterOffset = p.filterOffset();
        int[] m = p.multiplier();
        int[] s = p.shift();
        boolean perChannel = m.length > 1;
        int o = 0;
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outHeight(); oy++) {
                int iy0 = oy * p.strideHeight() - p.padTop();
                for (int ox = 0; ox < p.outWidth(); ox++) {
                    int ix0 = ox * p.strideWidth() - p.padLeft();
                    for (int oc = 0; oc < outC; oc++) {
                        long acc = 0;
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
                                int xi = ((b * inH + iy) * inW + ix) * inC;
                                int wi = ((oc * fH + fy) * fW + fx) * inC;
                                for (int ic = 0; ic < inC; ic++) {
                                    int xv = Elem.get(elem, x, xs, xi + ic) + inputOffset;
                                    int wv = (unsignedWeights ? w[wi + ic] & 0xff : w[wi + ic]) + filterOffset;
                                    acc += xv * wv;
                                }
                            }
                        }
                        if (p.biasBits() != 0) {
                            acc += WideRequantize.biasAt(p.bias(), p.biasBits(), oc);
                        }
                        int c = perChannel ? oc : 0;
                        int v = WideRequantize.requantize(acc, p.biasBits(), m[c], s[c], false, p.outputOffset(),
                                p.activationMin(), p.activationMax());
                        Elem.put(elem, y, ys, o++, v);
                    }
                }
            }
        }
    }
}
