/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.ops.pool.PoolParams;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Objects;

/**
 * MAX_POOL_2D (16 channels per byte-vector max) and AVERAGE_POOL_2D (window sums in int lanes, N
 * channels per vector; the division rounds half away from zero as the reference).
 */
final class Pools {
    private Pools() {}

    private static final VectorSpecies<Byte> B16 = ByteVector.SPECIES_128;

    static void maxPool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int depth = p.depth();
        final int rowStride = inW * depth;
        final int full = depth - depth % 16;
        final byte amin = (byte) p.activationMin();
        final byte amax = (byte) p.activationMax();
        final ByteVector lo = ByteVector.broadcast(B16, amin);
        final ByteVector hi = ByteVector.broadcast(B16, amax);
        int out = outputOffset;
        for (int b = 0; b < p.batches(); b++) {
            final int inBatch = inputOffset + b * inH * rowStride;
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                final int y0 = oy * p.strideHeight() - p.padTop();
                final int fy0 = Math.max(0, -y0);
                final int fy1 = Math.min(p.filterHeight(), inH - y0);
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    final int x0 = ox * p.strideWidth() - p.padLeft();
                    final int fx0 = Math.max(0, -x0);
                    final int fx1 = Math.min(p.filterWidth(), inW - x0);
                    final int window = inBatch + y0 * rowStride + x0 * depth;
                    final int ny = Math.max(0, fy1 - fy0);
                    final int nx = Math.max(0, fx1 - fx0);
                    final int first = window + fy0 * rowStride + fx0 * depth;
                    for (int c = 0; c < full; c += 16) {
                        maxBlock16(input, first + c, rowStride, depth, ny, nx).max(lo).min(hi).intoArray(output, out + c);
                    }
                    for (int c = full; c < depth; c++) {
                        int m = -128;
                        for (int fy = fy0; fy < fy1; fy++) {
                            final int row = window + fy * rowStride + c;
                            for (int fx = fx0; fx < fx1; fx++) {
                                m = Math.max(m, input[row + fx * depth]);
                            }
                        }
                        output[out + c] = (byte) Math.min(Math.max(m, amin), amax);
                    }
                    out += depth;
                }
            }
        }
    }

    private static ByteVector maxBlock16(byte[] input, int base, int rowStride, int depth, int ny, int nx) {
        ByteVector m = ByteVector.broadcast(B16, (byte) -128);
        final int n = ny * nx;
        int fy = 0;
        int fx = 0;
        for (int t = 0; t < n; t++) {
            m = m.max(ByteVector.fromArray(B16, input, base + fy * rowStride + fx * depth));
            if (++fx == nx) {
                fx = 0;
                fy++;
            }
        }
        return m;
    }

    /** Sizes the calling thread's working arrays for AVERAGE_POOL_2D (prepare and every run). */
    static Work reserve(PoolParams p) {
        final Work work = Work.get();
        work.iacc(p.depth());
        return work;
    }

    static void averagePool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int depth = p.depth();
        final int[] acc = reserve(p).iacc();
        final int rowStride = inW * depth;
        // Vector sums only where they stay exact in float lanes (see sumWindow).
        final int full = p.filterHeight() * p.filterWidth() <= 1 << 15 ? depth - depth % Lanes.N : 0;
        final int amin = p.activationMin();
        final int amax = p.activationMax();
        int out = outputOffset;
        for (int b = 0; b < p.batches(); b++) {
            final int inBatch = inputOffset + b * inH * rowStride;
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                final int y0 = oy * p.strideHeight() - p.padTop();
                final int fy0 = Math.max(0, -y0);
                final int fy1 = Math.min(p.filterHeight(), inH - y0);
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    final int x0 = ox * p.strideWidth() - p.padLeft();
                    final int fx0 = Math.max(0, -x0);
                    final int fx1 = Math.min(p.filterWidth(), inW - x0);
                    final int ny = Math.max(0, fy1 - fy0);
                    final int nx = Math.max(0, fx1 - fx0);
                    final int count = ny * nx;
                    final int window = inBatch + (y0 + fy0) * rowStride + (x0 + fx0) * depth;
                    // Each load reads B.length() bytes for N channels (8 for 4 at 128 bits): the last
                    // tap's must stay inside the array.
                    final int lastTap = window + Math.max(0, ny - 1) * rowStride + Math.max(0, nx - 1) * depth;
                    final int vectorEnd = Math.min(full, input.length - lastTap - (Lanes.B.length() - Lanes.N));
                    int c = 0;
                    for (; c + Lanes.N <= vectorEnd; c += Lanes.N) {
                        sumWindow(input, window + c, rowStride, depth, ny, nx, acc, c);
                    }
                    for (; c < depth; c++) {
                        int s = 0;
                        for (int fy = 0; fy < ny; fy++) {
                            final int row = window + fy * rowStride + c;
                            for (int fx = 0; fx < nx; fx++) {
                                s += input[row + fx * depth];
                            }
                        }
                        acc[c] = s;
                    }
                    for (int k = 0; k < depth; k++) {
                        output[out + k] = average(acc[k], count, amin, amax);
                    }
                    out += depth;
                }
            }
        }
    }

    /**
     * Window sums of channels [c, c+N) into acc[c..], summed in float lanes
     * (exact: at most 2^15 taps of |x| <= 128 stay within 2^22, the range the integer conversion
     * needs; see {@link Exactness#MAGIC}). Float rather than int lanes because JDK 17's C2 compiles
     * the byte-to-float conversion but not byte-to-int into vector instructions. One block per
     * call: a method called often is compiled by C2 early, and until then vector code allocates. One
     * flat loop: JDK 17's C2 boxes a vector carried through nested loops.
     */
    private static void sumWindow(byte[] input, int first, int rowStride, int depth, int ny, int nx, int[] acc, int c) {
        FloatVector s = FloatVector.zero(Lanes.F);
        final int n = ny * nx;
        int fy = 0;
        int fx = 0;
        for (int t = 0; t < n; t++) {
            s = s.add((FloatVector) ByteVector.fromArray(Lanes.B, input, first + fy * rowStride + fx * depth)
                    .convertShape(VectorOperators.B2F, Lanes.F, 0));
            if (++fx == nx) {
                fx = 0;
                fy++;
            }
        }
        s.add(FloatVector.broadcast(Lanes.F, Exactness.MAGIC)).reinterpretAsInts()
                .sub(IntVector.broadcast(Lanes.I, Exactness.MAGIC_BITS)).intoArray(acc, c);
    }

    private static byte average(int acc, int count, int amin, int amax) {
        int avg;
        if (count == 0) {
            avg = 0;
        } else if (acc > 0) {
            avg = (acc + count / 2) / count;
        } else {
            avg = (acc - count / 2) / count;
        }
        return (byte) Math.min(Math.max(avg, amin), amax);
    }
}
