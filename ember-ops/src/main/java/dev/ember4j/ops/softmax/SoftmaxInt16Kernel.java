/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Int16Lut;
import dev.ember4j.ops.common.Le;

/** TFLite's reference_ops::SoftmaxInt16 (LUT-based); the exps are cached in the output row, as TFLite does. */
public final class SoftmaxInt16Kernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SoftmaxInt16Params> KERNEL = SoftmaxInt16Kernel::run;

    private SoftmaxInt16Kernel() {}

    public static void run(SoftmaxInt16Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int depth = p.depth();
        for (int row = 0; row < p.outerSize(); row++) {
            int base = row * depth;
            int max = -32768;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, Le.i16(x, xs + 2 * (base + c)));
            }
            int sum = 0; // Q16.15
            for (int c = 0; c < depth; c++) {
                int diff = Le.i16(x, xs + 2 * (base + c)) - max;
                int scaled = FixedPoint.multiplyByQuantizedMultiplier(diff, p.inputMultiplier(), p.inputShift());
                int sym = Math.min(Math.max(scaled + 32767, -32768), 32767);
                int e = Int16Lut.lookup(sym, p.expLut());
                Le.i16(y, ys + 2 * (base + c), (short) e);
                sum += (short) e;
            }
            int headroomPlusOne = Integer.numberOfLeadingZeros(sum);
            int shiftedSum = (int) ((((long) sum << (headroomPlusOne - 1)) + (1 << 13)) >> 14);
            int symSum = Math.min(Math.max(shiftedSum - ((1 << 15) + (1 << 16)), -32768), 32767);
            int reciprocal = Int16Lut.lookup(symSum, p.oneOverOnePlusXLut());
            int rightShift = 31 - headroomPlusOne;
            long round = 1L << (rightShift - 1);
            for (int c = 0; c < depth; c++) {
                long e = Le.i16(y, ys + 2 * (base + c));
                int r = (int) ((e * reciprocal + round) >> rightShift);
                Le.i16(y, ys + 2 * (base + c), (short) Math.min(Math.max(r, 0), 32767));
            }
        }
    }
}
