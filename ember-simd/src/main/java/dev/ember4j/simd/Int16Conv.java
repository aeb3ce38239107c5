/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.ImageRows;
import dev.ember4j.ops.conv2d.Conv2DQuantizedParams;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.WideRequantize;

import java.util.Arrays;

/**
 * 16x8 CONV_2D (int16 activations, int8 weights, zero points 0): each output pixel's window widened
 * to an int row [fy][fx][c] (im2col), four pixels at a time multiplied by the packed weights in int
 * lanes ({@link Int16Gemm}, exact), the sums widened to 64 bits with the bias and requantized per
 * output by the reference's own scalar {@link WideRequantize#requantize} (int64 or wrapped int32
 * accumulator by bias width, as the reference kernel). Output rows split for threads.
 */
final class Int16Conv implements OpKernel<Conv2DQuantizedParams>, RowSplit<Conv2DQuantizedParams> {
    private final Int16Gemm g;
    private final long[] bias;
    private final int[] mult;
    private final int[] shift;

    /** The kernel for the int16 operators it runs exactly: zero input and weights offsets. */
    static boolean suits(Conv2DQuantizedParams p) {
        return p.elem() == Elem.INT16 && p.inputOffset() == 0 && p.filterOffset() == 0;
    }

    Int16Conv(Conv2DQuantizedParams p) {
        int n = p.outDepth();
        this.g = new Int16Gemm(p.filter(), n, p.filterHeight() * p.filterWidth() * p.inDepth());
        this.bias = biases(p.biasBits(), p.bias(), n);
        this.mult = perChannel(p.multiplier(), n);
        this.shift = perChannel(p.shift(), n);
    }

    /** Bytes the packed weights and constants take. */
    static long bytes(Conv2DQuantizedParams p) {
        return Int16Gemm.bytes(p.outDepth(), p.filterHeight() * p.filterWidth() * p.inDepth()) + 16L * p.outDepth();
    }

    static long[] biases(int biasBits, byte[] raw, int n) {
        long[] b = new long[n];
        for (int c = 0; biasBits != 0 && c < n; c++) {
            b[c] = WideRequantize.biasAt(raw, biasBits, c);
        }
        return b;
    }

    static int[] perChannel(int[] v, int n) {
        int[] out = new int[n];
        for (int c = 0; c < n; c++) {
            out[c] = v[v.length > 1 ? c : 0];
        }
        return out;
    }

    @Override
    public void prepare(Conv2DQuantizedParams p) {
        g.reserve();
    }

    @Override
    public int scratchBytes(Conv2DQuantizedParams p) {
        return 0;
    }

    @Override
    public void run(Conv2DQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        runRows(p, in, out, arena, scratch, 0, rows(p));
    }

    @Override
    public int rows(Conv2DQuantizedParams p) {
        return p.batches() * p.outHeight();
    }

    @Override
    public void runRows(Conv2DQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        byte[] input = in[0].array(arena);
        byte[] output = out[0].array(arena);
        int inputBytes = Math.toIntExact(2L * p.batches() * p.inHeight() * p.inWidth() * p.inDepth());
        int outputBytes = Math.toIntExact(2L * p.batches() * p.outHeight() * p.outWidth() * p.outDepth());
        ImageRows.check(input, in[0].start(), inputBytes, output, out[0].start(), outputBytes, from, to, rows(p));
        final Work work = g.reserve();
        final int[] rows = work.ints();
        final int[] iacc = work.iacc();
        final long[] lacc = work.longs();
        final int k = g.k;
        final int n = g.n;
        final int nPad = g.nPad;
        final int outW = p.outWidth();
        final int plane = p.outHeight() * outW;
        final int total = to * outW;
        final int os = out[0].start();
        for (int t = from * outW; t < total; t += Int16Gemm.ROWS) {
            final int np = Math.min(Int16Gemm.ROWS, total - t);
            for (int j = 0; j < np; j++) {
                int pix = t + j;
                int b = pix / plane;
                int rem = pix - b * plane;
                int y = rem / outW;
                int x = rem - y * outW;
                im2col(p, input, in[0].start(), b, y * p.strideHeight() - p.padTop(),
                        x * p.strideWidth() - p.padLeft(), rows, j * k);
            }
            // Rows past np hold earlier (valid) windows; their sums are not stored.
            g.sums(rows, k, iacc, lacc);
            for (int r = 0; r < np; r++) {
                for (int c = 0; c < n; c++) {
                    store(p, output, os, (t + r) * n + c, lacc[r * nPad + c] + bias[c], c);
                }
            }
        }
    }

    private void store(Conv2DQuantizedParams p, byte[] output, int os, int o, long acc, int c) {
        int v = WideRequantize.requantize(acc, p.biasBits(), mult[c], shift[c], false, p.outputOffset(),
                p.activationMin(), p.activationMax());
        Le.i16(output, os + 2 * o, (short) v);
    }

    /** The int16 input window at (y0, x0) widened into row[ro..ro+k) as [fy][fx][c]; padding taps are 0. */
    private static void im2col(Conv2DQuantizedParams p, byte[] input, int xs, int b, int y0, int x0, int[] row, int ro) {
        final int fh = p.filterHeight();
        final int fw = p.filterWidth();
        final int inH = p.inHeight();
        final int inW = p.inWidth();
        final int inC = p.inDepth();
        final int dh = p.dilationHeight();
        final int dw = p.dilationWidth();
        final int rowLen = fw * inC;
        final boolean xInside = x0 >= 0 && x0 + (fw - 1) * dw < inW;
        for (int fy = 0; fy < fh; fy++) {
            int inY = y0 + fy * dh;
            int dst = ro + fy * rowLen;
            if (inY < 0 || inY >= inH) {
                Arrays.fill(row, dst, dst + rowLen, 0);
                continue;
            }
            int src = xs + 2 * (b * inH + inY) * inW * inC;
            if (xInside && dw == 1) {
                Int16Gemm.widen(input, src + 2 * x0 * inC, row, dst, rowLen);
                continue;
            }
            for (int fx = 0; fx < fw; fx++) {
                int inX = x0 + fx * dw;
                if (inX < 0 || inX >= inW) {
                    Arrays.fill(row, dst, dst + inC, 0);
                } else {
                    Int16Gemm.widen(input, src + 2 * inX * inC, row, dst, inC);
                }
                dst += inC;
            }
        }
    }
}
