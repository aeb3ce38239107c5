/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.AddParams;
import dev.ember4j.core.quant.FixedPoint;

/**
 * ADD with broadcasting. Each input's rescaling ({@code (x + offset) << leftShift}, then its
 * multiplier) depends only on the int8 value x, so it is tabulated once per operator (256 ints per
 * input, computed with the reference's {@link FixedPoint} arithmetic); a row of sums is then
 * requantized to the output with the vector {@link Requant}, exactly as the reference does per
 * element.
 */
final class AddKernel {
    /** Elements per requantization pass (bounded so the per-thread sum buffer stays small). */
    private static final int CHUNK = 1024;

    private final int[] scaled1 = new int[256];
    private final int[] scaled2 = new int[256];
    private final Requant rq;

    AddKernel(AddParams p) {
        for (int x = -128; x < 128; x++) {
            scaled1[x + 128] = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(
                    (p.input1Offset() + x) * (1 << p.leftShift()), p.input1Multiplier(), p.input1Shift());
            scaled2[x + 128] = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(
                    (p.input2Offset() + x) * (1 << p.leftShift()), p.input2Multiplier(), p.input2Shift());
        }
        rq = Requant.rows(new int[] {p.outputMultiplier()}, new int[] {p.outputShift()}, 1);
    }

    /** Sizes the calling thread's working arrays (prepare and every run). */
    static Work reserve() {
        final Work work = Work.get();
        work.iacc(Lanes.roundUp(CHUNK, Lanes.N));
        return work;
    }

    void run(AddParams p, byte[] in1, int off1, byte[] in2, int off2, byte[] out, int outOff) {
        final int[] sums = reserve().iacc();
        if (p.elementwise()) {
            row(p, in1, off1, 1, in2, off2, 1, out, outOff, p.size(), sums);
            return;
        }
        final int[] shape = p.outputShape();
        final int[] s1 = p.input1Strides();
        final int[] s2 = p.input2Strides();
        final int n5 = shape[5];
        int o = outOff;
        // The five outer dimensions as one counter; the innermost is a strided row.
        final int outer = shape[0] * shape[1] * shape[2] * shape[3] * shape[4];
        for (int r = 0; r < outer; r++) {
            int rest = r;
            int a = off1;
            int b = off2;
            for (int d = 4; d >= 0; d--) {
                int i = rest % shape[d];
                rest /= shape[d];
                a += i * s1[d];
                b += i * s2[d];
            }
            row(p, in1, a, s1[5], in2, b, s2[5], out, o, n5, sums);
            o += n5;
        }
    }

    private void row(AddParams p, byte[] in1, int a, int stride1, byte[] in2, int b, int stride2,
                     byte[] out, int o, int n, int[] sums) {
        for (int start = 0; start < n; start += CHUNK) {
            final int len = Math.min(CHUNK, n - start);
            int ia = a + start * stride1;
            int ib = b + start * stride2;
            for (int i = 0; i < len; i++, ia += stride1, ib += stride2) {
                sums[i] = scaled1[in1[ia] + 128] + scaled2[in2[ib] + 128];
            }
            rq.requantize(sums, 0, len, 0, rq.slots, p.outputOffset(), p.activationMin(), p.activationMax(),
                    out, o + start);
        }
    }
}
