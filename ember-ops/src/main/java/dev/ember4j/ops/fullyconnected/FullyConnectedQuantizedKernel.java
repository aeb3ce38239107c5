/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fullyconnected;

import dev.ember4j.ops.common.WideRequantize;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.support.WideQuantization;

/**
 * Reference FULLY_CONNECTED for int16 (TFLite's reference_integer_ops::FullyConnected for 16-bit data,
 * int64 accumulator with an int64 bias) and uint8 (reference_ops::FullyConnected: (w + filterOffset) *
 * (x + inputOffset) in int32).
 */
public final class FullyConnectedQuantizedKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<FullyConnectedQuantizedParams> KERNEL = FullyConnectedQuantizedKernel::run;

    private FullyConnectedQuantizedKernel() {}

    public static void run(FullyConnectedQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int elem = p.elem();
        boolean unsignedWeights = elem == Elem.UINT8;
        byte[] w = p.filter();
        int depth = p.depth();
        int outC = p.outDepth();
        int[] m = p.multiplier();
        int[] s = p.shift();
        boolean perChannel = m.length > 1;
        int o = 0;
        for (int r = 0; r < p.rows(); r++) {
            int xi = r * depth;
            for (int oc = 0; oc < outC; oc++) {
                int wi = oc * depth;
                long acc = 0;
                for (int d = 0; d < depth; d++) {
                    int xv = Elem.get(elem, x, xs, xi + d) + p.inputOffset();
                    int wv = (unsignedWeights ? w[wi + d] & 0xff : w[wi + d]) + p.filterOffset();
                    acc += xv * wv;
                }
                if (p.biasBits() != 0) {
                    acc += WideRequantize.biasAt(p.bias(), p.biasBits(), oc);
                }
                int c = perChannel ? oc : 0;
                Elem.put(elem, y, ys, o++, WideRequantize.requantize(acc, p.biasBits(), m[c], s[c],
                        p.singleRounding(), p.outputOffset(), p.activationMin(), p.activationMax()));
            }
        }
    }
}
