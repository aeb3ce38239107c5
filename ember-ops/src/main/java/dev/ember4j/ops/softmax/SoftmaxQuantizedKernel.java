/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.quant.GemmlowpFixedPoint;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Elem;

/** TFLite's reference_ops::Softmax&lt;InputT, OutputT&gt; for 8-bit inputs and int16 / uint8 outputs. */
public final class SoftmaxQuantizedKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SoftmaxQuantizedParams> KERNEL = SoftmaxQuantizedKernel::run;

    private SoftmaxQuantizedKernel() {}

    private static final int SCALED_DIFF_INTEGER_BITS = 5;
    private static final int ACCUMULATION_INTEGER_BITS = 12;

    public static void run(SoftmaxQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int ie = p.inputElem();
        int oe = p.outputElem();
        int outMin = Elem.min(oe);
        int outMax = Elem.max(oe);
        int outBits = oe == Elem.INT16 ? 16 : 8;
        int depth = p.depth();
        for (int row = 0; row < p.outerSize(); row++) {
            int base = row * depth;
            int max = Elem.min(ie);
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, Elem.get(ie, x, xs, base + c));
            }
            int sum = 0;
            for (int c = 0; c < depth; c++) {
                int diff = Elem.get(ie, x, xs, base + c) - max;
                if (diff >= p.diffMin()) {
                    sum += FixedPoint.roundingDivideByPOT(exp(p, diff), ACCUMULATION_INTEGER_BITS);
                }
            }
            int headroomPlusOne = Integer.numberOfLeadingZeros(sum);
            int numBitsOverUnit = ACCUMULATION_INTEGER_BITS - headroomPlusOne;
            int scale = GemmlowpFixedPoint.reciprocalScale(sum, headroomPlusOne);
            int exponent = numBitsOverUnit + 31 - outBits;
            for (int c = 0; c < depth; c++) {
                int diff = Elem.get(ie, x, xs, base + c) - max;
                int r = outMin;
                if (diff >= p.diffMin()) {
                    int unsat = divideByPOT(GemmlowpFixedPoint.mul(scale, exp(p, diff)), exponent);
                    r = Math.max(Math.min(unsat + outMin, outMax), outMin);
                }
                Elem.put(oe, y, ys, base + c, r);
            }
        }
    }

    private static int exp(SoftmaxQuantizedParams p, int diff) {
        int scaled = FixedPoint.multiplyByQuantizedMultiplierGreaterThanOne(diff, p.inputMultiplier(), p.inputLeftShift());
        return GemmlowpFixedPoint.expOnNegativeValues(scaled, SCALED_DIFF_INTEGER_BITS);
    }

    /** Rounding division; an exponent past 31 (a sum of exps of 2^(bits-12)... or more) rounds the Q0.31 product to 0. */
    private static int divideByPOT(int v, int exponent) {
        if (exponent <= 31) {
            return FixedPoint.roundingDivideByPOT(v, Math.max(0, exponent));
        }
        long d = 1L << Math.min(exponent, 62);
        return (int) (((long) v + (v >= 0 ? d >> 1 : -(d >> 1))) / d);
    }
}
