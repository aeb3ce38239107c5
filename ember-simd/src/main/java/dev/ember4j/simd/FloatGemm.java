/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import static dev.ember4j.simd.Lanes.B;
import static dev.ember4j.simd.Lanes.F;
import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.N;

/**
 * An int8 matrix product {@code acc[r][c] = bias[c] + sum_k (w[c][k] + wOff) * (x[r][k] + xOff)} in
 * float lanes, exact by {@link Exactness}: the weights are widened once into float panels of up to
 * four vectors of columns ({@code [panel][k][width]}); rows are converted to float (offset added)
 * by the caller; a micro-kernel multiplies four rows by one panel with broadcast fused
 * multiply-adds; every {@link #chunk} values of k the float sums move into int accumulators.
 */
final class FloatGemm {
    /** Columns per weight panel. */
    static final int PANEL = 4 * N;

    final int n;
    final int k;
    /** n rounded up to whole vectors; the stride of accumulator rows. */
    final int nPad;
    final float[] w;
    final int[] bias;
    final float inputOffset;
    /** k values per float accumulation. */
    final int chunk;
    final Requant rq;
    /**
     * Rows per call: 8 when the output is one vector of channels (8 rows x 1 vector keep enough
     * independent accumulators in flight), else 4 (measured faster from two vectors on).
     */
    final int rows;

    /** @param filter [n][k] int8 weights; {@code filterOffset} is added to each (FULLY_CONNECTED's negated zero point) */
    FloatGemm(byte[] filter, int n, int k, int filterOffset, int[] bias, int inputOffset, int[] multiplier, int[] shift) {
        this.n = n;
        this.k = k;
        this.nPad = Lanes.roundUp(n, N);
        this.w = new float[nPad * k];
        for (int c = 0; c < n; c++) {
            int panel = c / PANEL;
            int width = Math.min(PANEL, nPad - panel * PANEL);
            int base = panel * PANEL * k + c % PANEL;
            for (int kk = 0; kk < k; kk++) {
                w[base + kk * width] = filter[c * k + kk] + filterOffset;
            }
        }
        this.bias = new int[nPad];
        if (bias != null) {
            System.arraycopy(bias, 0, this.bias, 0, n);
        }
        this.inputOffset = inputOffset;
        this.chunk = Exactness.oneChunk(filter, n, k, k, 1, filterOffset, inputOffset) ? Math.max(k, 1)
                : Exactness.termsPerChunk(Exactness.maxAbsWeight(filter, filterOffset), Exactness.maxAbsInput(inputOffset));
        this.rq = Requant.rows(multiplier, shift, n,
                Requant.maxAbsAcc(filter, n, k, k, 1, filterOffset, bias, inputOffset), bias);
        this.rows = nPad == N ? 8 : 4;
        this.floatSums = rows == 4 && chunk >= k && rq.doubleOk;
    }

    /**
     * True when {@link #multiplyFloats} applies: one chunk takes all of k and the requantization
     * reads float sums, so the int conversion pass is skipped.
     */
    final boolean floatSums;

    /**
     * Float sums (bias not added) of {@link #rows} rows into facc[r * nPad + c]; only when
     * {@link #floatSums}.
     */
    void multiplyFloats(float[] a, int stride, float[] facc) {
        panels(a, stride, 0, k, facc);
    }

    /** Bytes the packed weights and constants of an n x k GEMM take (estimated before packing). */
    static long bytes(int n, int k) {
        long nPad = Lanes.roundUp(n, N);
        return nPad * k * 4 + nPad * 4 + Requant.bytes((long) n / gcd(n, N) * N);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Floats of row storage the caller provides per row (k, padded so vector loads never overrun). */
    int rowFloats() {
        return Lanes.roundUp(k, N);
    }

    /**
     * Accumulators of {@link #rows} float rows of a (row r at r * stride; rows the caller does not
     * use may hold any finite values) into iacc[r * nPad + c], bias included.
     */
    void multiply(float[] a, int stride, float[] facc, int[] iacc) {
        for (int k0 = 0; k0 < k; k0 += chunk) {
            int k1 = (int) Math.min(k, (long) k0 + chunk);
            if (rows == 8) { // nPad == N
                if (k1 == k && k0 == 0) {
                    tile8x1Ints(a, stride, iacc); // one chunk: straight to int accumulators
                    continue;
                }
                tile8x1(a, stride, k0, k1, facc);
                collect(facc, iacc, k0 == 0);
                continue;
            }
            panels(a, stride, k0, k1, facc);
            collect(facc, iacc, k0 == 0);
        }
    }

    /** Four rows times every panel of columns, terms [k0, k1), into facc. */
    private void panels(float[] a, int stride, int k0, int k1, float[] facc) {
        final int a1 = stride, a2 = 2 * stride, a3 = 3 * stride;
        for (int panel = 0; panel * PANEL < nPad; panel++) {
            int col = panel * PANEL;
            int width = Math.min(PANEL, nPad - col);
            int base = col * k;
            switch (width / N) {
                case 4 -> tile4(a, 0, a1, a2, a3, k0, k1, base, facc, col, nPad);
                case 3 -> {
                    tile2(a, 0, a1, a2, a3, k0, k1, base, width, facc, col, nPad);
                    tile1(a, 0, a1, a2, a3, k0, k1, base + 2 * N, width, facc, col + 2 * N, nPad);
                }
                case 2 -> tile2(a, 0, a1, a2, a3, k0, k1, base, width, facc, col, nPad);
                default -> tile1(a, 0, a1, a2, a3, k0, k1, base, width, facc, col, nPad);
            }
        }
    }

    /** Eight rows times one vector of columns (nPad == N). */
    private void tile8x1(float[] a, int stride, int k0, int k1, float[] facc) {
        final float[] w = this.w;
        FloatVector c0 = FloatVector.zero(F), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int kk = k0; kk < k1; kk++) {
            FloatVector w0 = FloatVector.fromArray(F, w, kk * N);
            c0 = w0.fma(FloatVector.broadcast(F, a[kk]), c0);
            c1 = w0.fma(FloatVector.broadcast(F, a[stride + kk]), c1);
            c2 = w0.fma(FloatVector.broadcast(F, a[2 * stride + kk]), c2);
            c3 = w0.fma(FloatVector.broadcast(F, a[3 * stride + kk]), c3);
            c4 = w0.fma(FloatVector.broadcast(F, a[4 * stride + kk]), c4);
            c5 = w0.fma(FloatVector.broadcast(F, a[5 * stride + kk]), c5);
            c6 = w0.fma(FloatVector.broadcast(F, a[6 * stride + kk]), c6);
            c7 = w0.fma(FloatVector.broadcast(F, a[7 * stride + kk]), c7);
        }
        c0.intoArray(facc, 0);
        c1.intoArray(facc, N);
        c2.intoArray(facc, 2 * N);
        c3.intoArray(facc, 3 * N);
        c4.intoArray(facc, 4 * N);
        c5.intoArray(facc, 5 * N);
        c6.intoArray(facc, 6 * N);
        c7.intoArray(facc, 7 * N);
    }

    /** {@link #tile8x1} over all of k, converted to ints with the bias added (what collect does). */
    private void tile8x1Ints(float[] a, int stride, int[] iacc) {
        final float[] w = this.w;
        final int k = this.k;
        FloatVector c0 = FloatVector.zero(F), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        for (int kk = 0; kk < k; kk++) {
            FloatVector w0 = FloatVector.fromArray(F, w, kk * N);
            c0 = w0.fma(FloatVector.broadcast(F, a[kk]), c0);
            c1 = w0.fma(FloatVector.broadcast(F, a[stride + kk]), c1);
            c2 = w0.fma(FloatVector.broadcast(F, a[2 * stride + kk]), c2);
            c3 = w0.fma(FloatVector.broadcast(F, a[3 * stride + kk]), c3);
            c4 = w0.fma(FloatVector.broadcast(F, a[4 * stride + kk]), c4);
            c5 = w0.fma(FloatVector.broadcast(F, a[5 * stride + kk]), c5);
            c6 = w0.fma(FloatVector.broadcast(F, a[6 * stride + kk]), c6);
            c7 = w0.fma(FloatVector.broadcast(F, a[7 * stride + kk]), c7);
        }
        final FloatVector magic = FloatVector.broadcast(F, Exactness.MAGIC);
        final IntVector b = IntVector.fromArray(I, bias, 0).sub(IntVector.broadcast(I, Exactness.MAGIC_BITS));
        c0.add(magic).reinterpretAsInts().add(b).intoArray(iacc, 0);
        c1.add(magic).reinterpretAsInts().add(b).intoArray(iacc, N);
        c2.add(magic).reinterpretAsInts().add(b).intoArray(iacc, 2 * N);
        c3.add(magic).reinterpretAsInts().add(b).intoArray(iacc, 3 * N);
        c4.add(magic).reinterpretAsInts().add(b).intoArray(iacc, 4 * N);
        c5.add(magic).reinterpretAsInts().add(b).intoArray(iacc, 5 * N);
        c6.add(magic).reinterpretAsInts().add(b).intoArray(iacc, 6 * N);
        c7.add(magic).reinterpretAsInts().add(b).intoArray(iacc, 7 * N);
    }

    /** iacc = (first ? bias : iacc) + (int) facc over all rows. */
    private void collect(float[] facc, int[] iacc, boolean first) {
        final int len = rows * nPad;
        if (first) {
            Exactness.toInts(facc, len, bias, nPad, iacc);
        } else {
            Exactness.toInts(facc, len, iacc, len, iacc); // each element adds its own running sum
        }
    }

    private void tile4(float[] a, int a0, int a1, int a2, int a3, int k0, int k1, int base,
                       float[] facc, int col, int stride) {
        final float[] w = this.w;
        final int width = PANEL;
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c02 = c00, c03 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00, c13 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c23 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00, c33 = c00;
        for (int kk = k0; kk < k1; kk++) {
            int wi = base + kk * width;
            FloatVector w0 = FloatVector.fromArray(F, w, wi);
            FloatVector w1 = FloatVector.fromArray(F, w, wi + N);
            FloatVector w2 = FloatVector.fromArray(F, w, wi + 2 * N);
            FloatVector w3 = FloatVector.fromArray(F, w, wi + 3 * N);
            FloatVector x = FloatVector.broadcast(F, a[a0 + kk]);
            c00 = w0.fma(x, c00);
            c01 = w1.fma(x, c01);
            c02 = w2.fma(x, c02);
            c03 = w3.fma(x, c03);
            x = FloatVector.broadcast(F, a[a1 + kk]);
            c10 = w0.fma(x, c10);
            c11 = w1.fma(x, c11);
            c12 = w2.fma(x, c12);
            c13 = w3.fma(x, c13);
            x = FloatVector.broadcast(F, a[a2 + kk]);
            c20 = w0.fma(x, c20);
            c21 = w1.fma(x, c21);
            c22 = w2.fma(x, c22);
            c23 = w3.fma(x, c23);
            x = FloatVector.broadcast(F, a[a3 + kk]);
            c30 = w0.fma(x, c30);
            c31 = w1.fma(x, c31);
            c32 = w2.fma(x, c32);
            c33 = w3.fma(x, c33);
        }
        c00.intoArray(facc, col);
        c01.intoArray(facc, col + N);
        c02.intoArray(facc, col + 2 * N);
        c03.intoArray(facc, col + 3 * N);
        c10.intoArray(facc, stride + col);
        c11.intoArray(facc, stride + col + N);
        c12.intoArray(facc, stride + col + 2 * N);
        c13.intoArray(facc, stride + col + 3 * N);
        c20.intoArray(facc, 2 * stride + col);
        c21.intoArray(facc, 2 * stride + col + N);
        c22.intoArray(facc, 2 * stride + col + 2 * N);
        c23.intoArray(facc, 2 * stride + col + 3 * N);
        c30.intoArray(facc, 3 * stride + col);
        c31.intoArray(facc, 3 * stride + col + N);
        c32.intoArray(facc, 3 * stride + col + 2 * N);
        c33.intoArray(facc, 3 * stride + col + 3 * N);
    }

    private void tile2(float[] a, int a0, int a1, int a2, int a3, int k0, int k1, int base, int width,
                       float[] facc, int col, int stride) {
        final float[] w = this.w;
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c10 = c00, c11 = c00;
        FloatVector c20 = c00, c21 = c00, c30 = c00, c31 = c00;
        for (int kk = k0; kk < k1; kk++) {
            int wi = base + kk * width;
            FloatVector w0 = FloatVector.fromArray(F, w, wi);
            FloatVector w1 = FloatVector.fromArray(F, w, wi + N);
            FloatVector x = FloatVector.broadcast(F, a[a0 + kk]);
            c00 = w0.fma(x, c00);
            c01 = w1.fma(x, c01);
            x = FloatVector.broadcast(F, a[a1 + kk]);
            c10 = w0.fma(x, c10);
            c11 = w1.fma(x, c11);
            x = FloatVector.broadcast(F, a[a2 + kk]);
            c20 = w0.fma(x, c20);
            c21 = w1.fma(x, c21);
            x = FloatVector.broadcast(F, a[a3 + kk]);
            c30 = w0.fma(x, c30);
            c31 = w1.fma(x, c31);
        }
        c00.intoArray(facc, col);
        c01.intoArray(facc, col + N);
        c10.intoArray(facc, stride + col);
        c11.intoArray(facc, stride + col + N);
        c20.intoArray(facc, 2 * stride + col);
        c21.intoArray(facc, 2 * stride + col + N);
        c30.intoArray(facc, 3 * stride + col);
        c31.intoArray(facc, 3 * stride + col + N);
    }

    private void tile1(float[] a, int a0, int a1, int a2, int a3, int k0, int k1, int base, int width,
                       float[] facc, int col, int stride) {
        final float[] w = this.w;
        FloatVector c0 = FloatVector.zero(F), c1 = c0, c2 = c0, c3 = c0;
        for (int kk = k0; kk < k1; kk++) {
            FloatVector w0 = FloatVector.fromArray(F, w, base + kk * width);
            c0 = w0.fma(FloatVector.broadcast(F, a[a0 + kk]), c0);
            c1 = w0.fma(FloatVector.broadcast(F, a[a1 + kk]), c1);
            c2 = w0.fma(FloatVector.broadcast(F, a[a2 + kk]), c2);
            c3 = w0.fma(FloatVector.broadcast(F, a[a3 + kk]), c3);
        }
        c0.intoArray(facc, col);
        c1.intoArray(facc, stride + col);
        c2.intoArray(facc, 2 * stride + col);
        c3.intoArray(facc, 3 * stride + col);
    }

    /** dst[d..d+len) = src[s..s+len) + offset, as floats. */
    static void convert(byte[] src, int s, float[] dst, int d, int len, float offset) {
        // A load reads B.length() bytes for N values (8 for 4 at 128 bits): vectors only while inside src.
        final int vectorLen = Math.min(len, src.length - s - (B.length() - N));
        int i = 0;
        for (; i + N <= vectorLen; i += N) {
            ((FloatVector) ByteVector.fromArray(B, src, s + i).convertShape(VectorOperators.B2F, F, 0))
                    .add(FloatVector.broadcast(F, offset)).intoArray(dst, d + i);
        }
        for (; i < len; i++) {
            dst[d + i] = src[s + i] + offset;
        }
    }
}
