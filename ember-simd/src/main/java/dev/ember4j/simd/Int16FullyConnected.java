/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.ImageRows;
import dev.ember4j.ops.fullyconnected.FullyConnectedQuantizedParams;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.WideRequantize;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.util.Arrays;

import static dev.ember4j.simd.Lanes.B;
import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.N;

/**
 * 16x8 FULLY_CONNECTED (int16 activations, int8 weights, zero points 0), exact int-lane sums widened
 * to 64 bits with the bias, then the reference's scalar {@link WideRequantize#requantize} per
 * output (its int64, single-rounding or wrapped int32 form, as the reference kernel). Fewer than
 * {@link Int16Gemm#ROWS} input rows: one dot product per output along k (lanes along k, the weights
 * kept as int8 and widened on load, so a large layer reads a quarter of the bytes); more: the
 * {@link Int16Gemm} panels. One-row operators split by output channels for threads.
 */
final class Int16FullyConnected implements OpKernel<FullyConnectedQuantizedParams>,
        RowSplit<FullyConnectedQuantizedParams> {
    private final int k;
    private final int n;
    private final long[] bias;
    private final int[] mult;
    private final int[] shift;
    /** Panels for many rows, else null. */
    private final Int16Gemm g;
    /** Dot-product weights [n][kPad] (zeros past k, {@link Lanes#B} bytes of slack), else null. */
    private final byte[] w;
    private final int kPad;
    /** k values per int partial sum of a dot product: a multiple of N, or kPad. */
    private final int dotChunk;

    static boolean suits(FullyConnectedQuantizedParams p) {
        return p.elem() == Elem.INT16 && p.inputOffset() == 0 && p.filterOffset() == 0;
    }

    Int16FullyConnected(FullyConnectedQuantizedParams p) {
        this.k = p.depth();
        this.n = p.outDepth();
        this.bias = Int16Conv.biases(p.biasBits(), p.bias(), n);
        this.mult = Int16Conv.perChannel(p.multiplier(), n);
        this.shift = Int16Conv.perChannel(p.shift(), n);
        this.kPad = Lanes.roundUp(Math.max(k, 1), N);
        if (gemm(p)) {
            this.g = new Int16Gemm(p.filter(), n, k);
            this.w = null;
            this.dotChunk = 0;
        } else {
            this.g = null;
            this.w = new byte[n * kPad + B.length()];
            for (int c = 0; c < n; c++) {
                System.arraycopy(p.filter(), c * k, w, c * kPad, k);
            }
            int chunk = Int16Gemm.chunk(p.filter(), n, k, N);
            this.dotChunk = chunk >= k ? kPad : chunk;
        }
    }

    private static boolean gemm(FullyConnectedQuantizedParams p) {
        return p.rows() >= Int16Gemm.ROWS;
    }

    static long bytes(FullyConnectedQuantizedParams p) {
        long weights = gemm(p) ? Int16Gemm.bytes(p.outDepth(), p.depth())
                : (long) p.outDepth() * Lanes.roundUp(Math.max(p.depth(), 1), N) + 64;
        return weights + 16L * p.outDepth();
    }

    private Work reserve() {
        if (g != null) {
            return g.reserve();
        }
        Work work = Work.get();
        work.ints(kPad);
        return work;
    }

    @Override
    public void prepare(FullyConnectedQuantizedParams p) {
        reserve();
    }

    @Override
    public int scratchBytes(FullyConnectedQuantizedParams p) {
        return 0;
    }

    /** Output channels of a one-row operator. */
    @Override
    public int rows(FullyConnectedQuantizedParams p) {
        return p.rows() == 1 ? n : 0;
    }

    private static void check(FullyConnectedQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, int from, int to,
                              int rows) {
        ImageRows.check(in[0].array(arena), in[0].start(), Math.toIntExact(2L * p.rows() * p.depth()),
                out[0].array(arena), out[0].start(), Math.toIntExact(2L * p.rows() * p.outDepth()), from, to, rows);
    }

    @Override
    public void runRows(FullyConnectedQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch,
                        int from, int to) {
        check(p, in, out, arena, from, to, rows(p));
        dots(p, in[0].array(arena), in[0].start(), out[0].array(arena), out[0].start(), 0, from, to);
    }

    @Override
    public void run(FullyConnectedQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        check(p, in, out, arena, 0, 0, 0);
        byte[] input = in[0].array(arena);
        byte[] output = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        if (g == null) {
            for (int r = 0; r < p.rows(); r++) {
                dots(p, input, xs, output, ys, r, 0, n);
            }
            return;
        }
        final Work work = reserve();
        final int[] rows = work.ints();
        final int[] iacc = work.iacc();
        final long[] lacc = work.longs();
        final int nPad = g.nPad;
        for (int t = 0; t < p.rows(); t += Int16Gemm.ROWS) {
            final int np = Math.min(Int16Gemm.ROWS, p.rows() - t);
            Int16Gemm.widen(input, xs + 2 * t * k, rows, 0, np * k); // rows past np keep earlier values
            g.sums(rows, k, iacc, lacc);
            for (int r = 0; r < np; r++) {
                for (int c = 0; c < n; c++) {
                    store(p, output, ys, (t + r) * n + c, lacc[r * nPad + c] + bias[c], c);
                }
            }
        }
    }

    /** Channels [cFrom, cTo) of input row r as dot products (the operator has no panels). */
    private void dots(FullyConnectedQuantizedParams p, byte[] input, int xs, byte[] output, int ys, int r,
                      int cFrom, int cTo) {
        final int[] x = reserve().ints();
        Int16Gemm.widen(input, xs + 2 * r * k, x, 0, k);
        Arrays.fill(x, k, kPad, 0);
        for (int c = cFrom; c < cTo; c++) {
            store(p, output, ys, r * n + c, dot(x, c) + bias[c], c);
        }
    }

    /** sum_k w[c][k] * x[k], exact. */
    private long dot(int[] x, int c) {
        final byte[] w = this.w;
        final int base = c * kPad;
        long total = 0;
        for (int k0 = 0; k0 < kPad; k0 += dotChunk) {
            final int k1 = Math.min(kPad, k0 + dotChunk);
            IntVector s = IntVector.zero(I);
            for (int kk = k0; kk < k1; kk += N) {
                IntVector wv = (IntVector) ByteVector.fromArray(B, w, base + kk).convertShape(VectorOperators.B2I, I, 0);
                s = s.add(wv.mul(IntVector.fromArray(I, x, kk)));
            }
            total += s.reduceLanes(VectorOperators.ADD);
        }
        return total;
    }

    private void store(FullyConnectedQuantizedParams p, byte[] output, int ys, int o, long acc, int c) {
        int v = WideRequantize.requantize(acc, p.biasBits(), mult[c], shift[c], p.singleRounding(),
                p.outputOffset(), p.activationMin(), p.activationMax());
        Le.i16(output, ys + 2 * o, (short) v);
    }
}
