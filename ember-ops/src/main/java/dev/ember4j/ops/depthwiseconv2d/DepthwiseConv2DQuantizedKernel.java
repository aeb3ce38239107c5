/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthwiseconv2d;

import dev.ember4j.ops.common.WideRequantize;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.support.WideQuantization;

/**
 * Reference DEPTHWISE_CONV_2D for int16 (TFLite's reference_integer_ops::DepthwiseConvPerChannel for
 * 16-bit data: int64 accumulator, int64 bias, int64 requantization) and uint8 (reference_ops::DepthwiseConv:
 * (w + filterOffset) * (x + inputOffset) in int32, one multiplier, rounding as MultiplyByQuantizedMultiplier).
 */
public final class DepthwiseConv2DQuantizedKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<DepthwiseConv2DQuantizedParams> KERNEL = DepthwiseConv2DQuantizedKernel::run;

    private DepthwiseConv2DQuantizedKernel() {}

    public static void run(DepthwiseConv2DQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
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
        int mult = p.depthMultiplier();
        int fH = p.filterHeight();
        int fW = p.filterWidth();
        int[] m = p.multiplier();
        int[] s = p.shift();
        boolean perChannel = m.length > 1;
        int mode = p.wide() ? 64 : p.biasBits() == 0 ? 32 : p.biasBits();
        int o = 0;
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outHeight(); oy++) {
                int iy0 = oy * p.strideHeight() - p.padTop();
                for (int ox = 0; ox < p.outWidth(); ox++) {
                    int ix0 = ox * p.strideWidth() - p.padLeft();
                    for (int ic = 0; ic < inC; ic++) {
                        for (int dm = 0; dm < mult; dm++) {
                            int oc = ic * mult + dm;
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
                                    int xv = Elem.get(elem, x, xs, ((b * inH + iy) * inW + ix) * inC + ic) + p.inputOffset();
                                    int wi = (fy * fW + fx) * outC + oc;
                                    int wv = (unsignedWeights ? w[wi] & 0xff : w[wi]) + p.filterOffset();
                                    acc += xv * wv;
                                }
                            }
                            if (p.biasBits() != 0) {
                                acc += WideRequantize.biasAt(p.bias(), p.biasBits(), oc);
                            }
                            int c = perChannel ? oc : 0;
                            Elem.put(elem, y, ys, o + oc, WideRequantize.requantize(acc, mode, m[c], s[c], false,
                                    p.outputOffset(), p.activationMin(), p.activationMax()));
                        }
                    }
                    o += outC;
                }
            }
        }
    }
}
