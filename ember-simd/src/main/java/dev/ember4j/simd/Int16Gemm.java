/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.N;

/**
 * The 16x8 matrix product {@code sum_k w[c][k] * x[r][k]} (int16 activations, int8 weights) summed
 * exactly in int lanes: a product is at most 2^15 * 2^7 = 2^22 in magnitude, so an int partial sum
 * is exact while the |w| of its terms sum to at most 2^16 - 1 (times 2^15 it stays below 2^31);
 * every {@link #chunk} terms {@link #sums} adds the int sums into 64-bit accumulators, as TFLite's
 * int64 accumulator needs. Weights are widened once into int panels of up to four vectors of columns
 * ({@code [panel][k][width]}, as {@link FloatGemm}'s); a micro-kernel multiplies four rows by one
 * panel with broadcast multiply-adds. No float lanes: int16 products leave float's exact range
 * after a handful of terms.
 */
final class Int16Gemm {
    /** Columns per weight panel. */
    static final int PANEL = 4 * N;
    /** Rows per {@link #multiply} call. */
    static final int ROWS = 4;
    /** Largest |x| of an int16 value. */
    private static final long MAX_X = 32768;

    final int n;
    final int k;
    /** n rounded up to whole vectors; the stride of accumulator rows. */
    final int nPad;
    private final int[] w;
    /** k values per int partial sum. */
    final int chunk;

    /** @param filter [n][k] int8 weights */
    Int16Gemm(byte[] filter, int n, int k) {
        this.n = n;
        this.k = k;
        this.nPad = Lanes.roundUp(n, N);
        this.w = new int[nPad * k];
        for (int c = 0; c < n; c++) {
            int panel = c / PANEL;
            int width = Math.min(PANEL, nPad - panel * PANEL);
            int base = panel * PANEL * k + c % PANEL;
            for (int kk = 0; kk < k; kk++) {
                w[base + kk * width] = filter[c * k + kk];
            }
        }
        this.chunk = chunk(filter, n, k, 1);
    }

    /**
     * Terms per int partial sum (a multiple of {@code multiple} when below k): all of k when every
     * channel's sum of |w| times 2^15 stays below 2^31, so that every partial sum, in any order and of
     * any subset of the terms, is exact; else as many terms of the largest |w| as stay below it.
     */
    static int chunk(byte[] filter, int n, int k, int multiple) {
        long maxW = 0;
        boolean one = true;
        for (int c = 0; c < n; c++) {
            long sum = 0;
            for (int t = 0; t < k; t++) {
                int a = Math.abs(filter[c * k + t]);
                sum += a;
                maxW = Math.max(maxW, a);
            }
            one &= sum * MAX_X <= Integer.MAX_VALUE;
        }
        if (one) {
            return Math.max(k, 1);
        }
        int terms = (int) (Integer.MAX_VALUE / (maxW * MAX_X)); // at least 511
        return terms / multiple * multiple;
    }

    /** Bytes the packed weights of an n x k product take. */
    static long bytes(int n, int k) {
        return (long) Lanes.roundUp(n, N) * k * 4 + 64;
    }

    /**
     * The exact sums of all k terms of {@link #ROWS} rows of {@code a} (row r at r * stride) into
     * lacc[r * nPad + c]: int partial sums of {@link #chunk} terms (in iacc) added up in 64 bits.
     */
    void sums(int[] a, int stride, int[] iacc, long[] lacc) {
        final int len = ROWS * nPad;
        for (int k0 = 0; k0 < Math.max(k, 1); k0 += chunk) {
            multiply(a, stride, k0, (int) Math.min(k, (long) k0 + chunk), iacc);
            for (int i = 0; i < len; i++) {
                lacc[i] = (k0 == 0 ? 0 : lacc[i]) + iacc[i];
            }
        }
    }

    /** Sizes the calling thread's working arrays for {@link #sums} and rows of k values. */
    Work reserve() {
        Work work = Work.get();
        work.ints(ROWS * Math.max(k, 1));
        work.iacc(ROWS * nPad);
        work.longs(ROWS * nPad);
        return work;
    }

    /**
     * Int sums of terms [k0, k1) of {@link #ROWS} rows of {@code a} (row r at r * stride; rows the caller
     * does not use may hold any values) into acc[r * nPad + c].
     */
    void multiply(int[] a, int stride, int k0, int k1, int[] acc) {
        final int a1 = stride, a2 = 2 * stride, a3 = 3 * stride;
        for (int panel = 0; panel * PANEL < nPad; panel++) {
            int col = panel * PANEL;
            int width = Math.min(PANEL, nPad - col);
            int base = col * k;
            switch (width / N) {
                case 4 -> tile4(a, a1, a2, a3, k0, k1, base, acc, col);
                case 3 -> {
                    tile2(a, a1, a2, a3, k0, k1, base, width, acc, col);
                    tile1(a, a1, a2, a3, k0, k1, base + 2 * N, width, acc, col + 2 * N);
                }
                case 2 -> tile2(a, a1, a2, a3, k0, k1, base, width, acc, col);
                default -> tile1(a, a1, a2, a3, k0, k1, base, width, acc, col);
            }
        }
    }

    private void tile4(int[] a, int a1, int a2, int a3, int k0, int k1, int base, int[] acc, int col) {
        final int[] w = this.w;
        final int width = PANEL;
        final int stride = nPad;
        IntVector c00 = IntVector.zero(I), c01 = c00, c02 = c00, c03 = c00;
        IntVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        IntVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        IntVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int kk = k0; kk < k1; kk++) {
            int wi = base + kk * width;
            IntVector w0 = IntVector.fromArray(I, w, wi);
            IntVector w1 = IntVector.fromArray(I, w, wi + N);
            IntVector w2 = IntVector.fromArray(I, w, wi + 2 * N);
            IntVector w3 = IntVector.fromArray(I, w, wi + 3 * N);
            IntVector x = IntVector.broadcast(I, a[kk]);
            c00 = c00.add(w0.mul(x));
            c01 = c01.add(w1.mul(x));
            c02 = c02.add(w2.mul(x));
            c03 = c03.add(w3.mul(x));
            x = IntVector.broadcast(I, a[a1 + kk]);
            c10 = c10.add(w0.mul(x));
            c11 = c11.add(w1.mul(x));
            c12 = c12.add(w2.mul(x));
            c13 = c13.add(w3.mul(x));
            x = IntVector.broadcast(I, a[a2 + kk]);
            c20 = c20.add(w0.mul(x));
            c21 = c21.add(w1.mul(x));
            c22 = c22.add(w2.mul(x));
            c23 = c23.add(w3.mul(x));
            x = IntVector.broadcast(I, a[a3 + kk]);
            c30 = c30.add(w0.mul(x));
            c31 = c31.add(w1.mul(x));
            c32 = c32.add(w2.mul(x));
            c33 = c33.add(w3.mul(x));
        }
        c00.intoArray(acc, col);
        c01.intoArray(acc, col + N);
        c02.intoArray(acc, col + 2 * N);
        c03.intoArray(acc, col + 3 * N);
        c10.intoArray(acc, stride + col);
        c11.intoArray(acc, stride + col + N);
        c12.intoArray(acc, stride + col + 2 * N);
        c13.intoArray(acc, stride + col + 3 * N);
        c20.intoArray(acc, 2 * stride + col);
        c21.intoArray(acc, 2 * stride + col + N);
        c22.intoArray(acc, 2 * stride + col + 2 * N);
        c23.intoArray(acc, 2 * stride + col + 3 * N);
        c30.intoArray(acc, 3 * stride + col);
        c31.intoArray(acc, 3 * stride + col + N);
        c32.intoArray(acc, 3 * stride + col + 2 * N);
        c33.intoArray(acc, 3 * stride + col + 3 * N);
    }

    private void tile2(int[] a, int a1, int a2, int a3, int k0, int k1, int base, int width, int[] acc, int col) {
        final int[] w = this.w;
        final int stride = nPad;
        IntVector c00 = IntVector.zero(I), c01 = c00, c10 = c00, c11 = c00;
        IntVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int kk = k0; kk < k1; kk++) {
            int wi = base + kk * width;
            IntVector w0 = IntVector.fromArray(I, w, wi);
            IntVector w1 = IntVector.fromArray(I, w, wi + N);
            IntVector x = IntVector.broadcast(I, a[kk]);
            c00 = c00.add(w0.mul(x));
            c01 = c01.add(w1.mul(x));
            x = IntVector.broadcast(I, a[a1 + kk]);
            c10 = c10.add(w0.mul(x));
            c11 = c11.add(w1.mul(x));
            x = IntVector.broadcast(I, a[a2 + kk]);
            c20 = c20.add(w0.mul(x));
            c21 = c21.add(w1.mul(x));
            x = IntVector.broadcast(I, a[a3 + kk]);
            c30 = c30.add(w0.mul(x));
            c31 = c31.add(w1.mul(x));
        }
        c00.intoArray(acc, col);
        c01.intoArray(acc, col + N);
        c10.intoArray(acc, stride + col);
        c11.intoArray(acc, stride + col + N);
        c20.intoArray(acc, 2 * stride + col);
        c21.intoArray(acc, 2 * stride + col + N);
        c30.intoArray(acc, 3 * stride + col);
        c31.intoArray(acc, 3 * stride + col + N);
    }

    private void tile1(int[] a, int a1, int a2, int a3, int k0, int k1, int base, int width, int[] acc, int col) {
        final int[] w = this.w;
        final int stride = nPad;
        IntVector c0 = IntVector.zero(I), c1 = c0, c2 = c0, c3 = c0;
        for (int kk = k0; kk < k1; kk++) {
            IntVector w0 = IntVector.fromArray(I, w, base + kk * width);
            c0 = c0.add(w0.mul(IntVector.broadcast(I, a[kk])));
            c1 = c1.add(w0.mul(IntVector.broadcast(I, a[a1 + kk])));
            c2 = c2.add(w0.mul(IntVector.broadcast(I, a[a2 + kk])));
            c3 = c3.add(w0.mul(IntVector.broadcast(I, a[a3 + kk])));
        }
        c0.intoArray(acc, col);
        c1.intoArray(acc, stride + col);
        c2.intoArray(acc, 2 * stride + col);
        c3.intoArray(acc, 3 * stride + col);
    }

    /** Bytes of N int16 values: the byte species whose shorts widen lane for lane to {@link Lanes#I}. */
    static final VectorSpecies<Byte> B16 = Lanes.BITS == 512 ? ByteVector.SPECIES_256
            : Lanes.BITS == 256 ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;

    /** dst[d..d+len) = the little-endian int16 values at src[s], src[s + 2], ... (caller checked the bounds). */
    static void widen(byte[] src, int s, int[] dst, int d, int len) {
        int i = 0;
        for (; i + N <= len; i += N) {
            ByteVector.fromArray(B16, src, s + 2 * i).reinterpretAsShorts()
                    .convertShape(VectorOperators.S2I, I, 0).reinterpretAsInts().intoArray(dst, d + i);
        }
        for (; i < len; i++) {
            dst[d + i] = (short) ((src[s + 2 * i] & 0xff) | (src[s + 2 * i + 1] << 8));
        }
    }
}
