/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.ops.add.AddParams;
import dev.ember4j.core.quant.FixedPoint;

/**
 * ADD with broadcasting. Each input's rescaling ({@code (x + offset) << leftShift}, then its
 * multiplier) depends only on the int8 value x, so it is tabulated once per operator (256 ints per
 * input, computed with the reference's {@link FixedPoint} arithmetic); a row of sums is then
 * requantized to the output with the vector {@link Requant}, exactly as the reference does per
 * element. Operators with at least {@link #LUT_MIN_SIZE} outputs tabulate the whole operator instead:
 * the output byte depends only on the two input bytes, so 64 KiB computed once with the same code
 * replace two lookups and a vector requantization per element by one lookup ({@link AddTables}: shared
 * between operators of the same quantization, a bounded number per backend).
 */
final class AddKernel {
    /** Elements per requantization pass (bounded so the per-thread sum buffer stays small). */
    private static final int CHUNK = 1024;

    /** Output elements from which the operator is tabulated (its 64 KiB pay for themselves). */
    static final int LUT_MIN_SIZE = 4096;

    private final int[] scaled1 = new int[256];
    private final int[] scaled2 = new int[256];
    private final Requant rq;
    /** [(x1 + 128) * 256 + x2 + 128] -> output, or null for small operators. */
    private final byte[] lut;

    AddKernel(AddParams p, AddTables tables) {
        for (int x = -128; x < 128; x++) {
            scaled1[x + 128] = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(
                    (p.input1Offset() + x) * (1 << p.leftShift()), p.input1Multiplier(), p.input1Shift());
            scaled2[x + 128] = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(
                    (p.input2Offset() + x) * (1 << p.leftShift()), p.input2Multiplier(), p.input2Shift());
        }
        long bound = 0;
        for (int i = 0; i < 256; i++) {
            bound = Math.max(bound, Math.abs((long) scaled1[i]));
        }
        long bound2 = 0;
        for (int i = 0; i < 256; i++) {
            bound2 = Math.max(bound2, Math.abs((long) scaled2[i]));
        }
        rq = Requant.rows(new int[] {p.outputMultiplier()}, new int[] {p.outputShift()}, 1,
                new long[] {bound + bound2});
        lut = p.size() >= LUT_MIN_SIZE ? tables.get(p, () -> table(p)) : null;
    }

    /** Every output through the per-element path: row x1 of the table is the sums with all x2. */
    private byte[] table(AddParams p) {
        byte[] t = new byte[256 * 256];
        int[] sums = new int[256];
        for (int x1 = 0; x1 < 256; x1++) {
            for (int x2 = 0; x2 < 256; x2++) {
                sums[x2] = scaled1[x1] + scaled2[x2];
            }
            rq.requantize(sums, 0, 256, 0, rq.slots, p.outputOffset(), p.activationMin(), p.activationMax(),
                    t, x1 * 256);
        }
        return t;
    }

    /** Bytes a kernel keeps besides its (shared, separately bounded) table. */
    static long bytes() {
        return 2 * 256 * 4 + Requant.bytes(Lanes.N);
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

    /** Elements [from, to) of an element-wise ADD (a part of a multi-threaded run). */
    void runElements(AddParams p, byte[] in1, int off1, byte[] in2, int off2, byte[] out, int outOff, int from, int to) {
        row(p, in1, off1 + from, 1, in2, off2 + from, 1, out, outOff + from, to - from, reserve().iacc());
    }

    private void row(AddParams p, byte[] in1, int a, int stride1, byte[] in2, int b, int stride2,
                     byte[] out, int o, int n, int[] sums) {
        final byte[] lut = this.lut;
        if (lut != null) {
            for (int i = 0; i < n; i++, a += stride1, b += stride2) {
                out[o + i] = lut[((in1[a] + 128) << 8) | (in2[b] + 128)];
            }
            return;
        }
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
