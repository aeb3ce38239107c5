/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.concatenation;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Int8Lut;

/** uint8 CONCATENATION with TFLite's float rescaling of inputs quantized unlike the output. */
public final class ConcatenationUint8Kernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ConcatenationUint8Params> KERNEL = ConcatenationUint8Kernel::run;

    private ConcatenationUint8Kernel() {}

    public static void run(ConcatenationUint8Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] y = out[0].array(arena);
        int pos = out[0].start();
        int[] copy = p.copyBytes();
        int zp = p.outputZeroPoint();
        int n = copy.length;
        for (int k = 0; k < p.outer(); k++) {
            for (int i = 0; i < n; i++) {
                int c = copy[i];
                byte[] x = in[i].array(arena);
                int xs = in[i].start() + k * c;
                if (p.rescale()[i] == 0) {
                    System.arraycopy(x, xs, y, pos, c);
                } else {
                    float scale = Float.intBitsToFloat(p.scaleBits()[i]);
                    float bias = Float.intBitsToFloat(p.biasBits()[i]);
                    for (int j = 0; j < c; j++) {
                        float v = (float) (x[xs + j] & 0xff) * scale + bias;
                        int q = x86Int32(Int8Lut.roundf(v)) + zp;
                        y[pos + j] = (byte) Math.max(0, Math.min(255, q));
                    }
                }
                pos += c;
            }
        }
    }

    /** static_cast&lt;int32_t&gt; of a float on x86 (cvttss2si): NaN and out-of-range values give INT32_MIN. */
    private static int x86Int32(float f) {
        return f >= -2147483648f && f < 2147483648f ? (int) f : Integer.MIN_VALUE;
    }
}
