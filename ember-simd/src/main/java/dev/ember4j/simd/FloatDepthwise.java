/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;

import java.util.Arrays;

import static dev.ember4j.simd.Lanes.F;
import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.N;

/**
 * DEPTHWISE_CONV_2D for every shape, stride, dilation and depth multiplier, in float lanes (exact
 * by {@link Exactness}).
 *
 * <p>Input rows are converted once into a ring of the last {@code (fh-1)*dh+1} padded rows, already
 * expanded to output channels (input channel ic repeated depthMultiplier times, so output channel
 * oc reads lane oc) and split by column phase ({@code x mod strideWidth}), with padding as 0 (the
 * offset is added on conversion). Then, for one tap, the values an output row needs lie
 * contiguously: output row element q = ox*outC + oc reads {@code plane[phase][shift*outC + q]}. So
 * a whole output row is one flat vector loop of fused multiply-adds; the weights repeat every
 * {@code period = lcm(outC, N)} lanes and are stored replicated to that period, and four blocks a
 * period apart share each weight load.
 */
final class FloatDepthwise {
    final int outC;
    final int period;
    final int taps;
    /** [tap][period] weights, replicated. */
    final float[] w;
    /** [period] bias, replicated. */
    final int[] bias;
    final Requant rq;
    final float inputOffset;
    /** False when {@code taps} products could leave float's exact range: the caller falls back. */
    final boolean exact;

    private static final VectorMask<Float> UPPER_HALF = VectorMask.fromLong(F, ((1L << N) - 1) & ~((1L << (N / 2)) - 1));

    /** Lane shuffles for single-channel rows (N = 16): pair k of 16 columns, each column 8 times. */
    private static final VectorShuffle<Float> S1P0 = pair(0, 1), S1P1 = pair(2, 1), S1P2 = pair(4, 1),
            S1P3 = pair(6, 1), S1P4 = pair(8, 1), S1P5 = pair(10, 1), S1P6 = pair(12, 1), S1P7 = pair(14, 1);
    private static final VectorShuffle<Float> S2P0 = pair(0, 2), S2P1 = pair(4, 2), S2P2 = pair(8, 2),
            S2P3 = pair(12, 2), S2P4 = pair(1, 2), S2P5 = pair(5, 2), S2P6 = pair(9, 2), S2P7 = pair(13, 2);

    /** Lanes [0, N/2) take column first, lanes [N/2, N) column first + step. */
    private static VectorShuffle<Float> pair(int first, int step) {
        int[] lanes = new int[N];
        for (int i = 0; i < N; i++) {
            lanes[i] = Math.min(N - 1, i < N / 2 ? first : first + step);
        }
        return VectorShuffle.fromArray(F, lanes, 0);
    }

    /**
     * Largest row ring (floats) the kernel allocates per thread: twice the input (a real model's ring is a
     * few rows), at least 64 Ki floats, at most 16 MiB.
     */
    static final long WORK_BUDGET_FLOATS = 1L << 22;

    final int span;
    final int planeFloats;
    final int ringRowFloats;
    final int rowLen;
    final int accFloats;
    private final int jPix;
    /** Per tap: row within the window, and float offset within a ring row (phase plane + shift). */
    private final int[] tapRow;
    private final int[] tapCol;

    FloatDepthwise(DepthwiseConv2DParams p) {
        this.outC = p.outputDepth();
        this.period = Requant.lcm(outC, N);
        this.taps = p.filterHeight() * p.filterWidth();
        this.w = new float[taps * period];
        this.bias = new int[period];
        byte[] f = p.filter();
        for (int q = 0; q < period; q++) {
            int oc = q % outC;
            bias[q] = p.bias() == null ? 0 : p.bias()[oc];
            for (int t = 0; t < taps; t++) {
                w[t * period + q] = f[t * outC + oc];
            }
        }
        this.rq = Requant.rows(p.outputMultiplier(), p.outputShift(), outC, // slots: the same period
                Requant.maxAbsAcc(f, outC, taps, 1, outC, 0, p.bias(), p.inputOffset()), p.bias());
        this.inputOffset = p.inputOffset();
        final int sw = p.strideWidth();
        final int dw = p.dilationWidth();
        final int fw = p.filterWidth();
        // The row ring spans the dilated filter height and width: a legitimate model keeps it near the
        // input's size, a hostile dilation could make it gigabytes. Beyond the budget the reference kernel
        // (whose work is bounded by the input) runs instead.
        long spanL = (long) (p.filterHeight() - 1) * p.dilationHeight() + 1;
        long jPixL = p.outputWidth() + (long) (fw - 1) * dw / sw;
        long planeL = jPixL * outC + N;
        long budget = Math.min(WORK_BUDGET_FLOATS, Math.max(1L << 16, 2L * p.inputSize()));
        boolean fits = spanL * sw * planeL <= budget;
        this.exact = fits && (Exactness.oneChunk(f, outC, taps, 1, outC, 0, p.inputOffset())
                || taps <= Exactness.termsPerChunk(Exactness.maxAbsWeight(f, 0), Exactness.maxAbsInput(p.inputOffset())));
        this.span = fits ? (int) spanL : 0;
        this.rowLen = p.outputWidth() * outC;
        this.accFloats = Lanes.roundUp(rowLen, N);
        this.jPix = fits ? (int) jPixL : 0;
        this.planeFloats = fits ? (int) planeL : 0;
        this.ringRowFloats = sw * planeFloats;
        this.tapRow = new int[taps];
        this.tapCol = new int[taps];
        for (int t = 0; fits && t < taps; t++) {
            int dx = (t % fw) * dw;
            tapRow[t] = (t / fw) * p.dilationHeight();
            tapCol[t] = (dx % sw) * planeFloats + (dx / sw) * outC;
        }
    }

    /** Bytes the packed weights and constants for {@code p} take (estimated before packing). */
    static long bytes(DepthwiseConv2DParams p) {
        long outC = p.outputDepth();
        long period = outC / gcd(outC, N) * N;
        long taps = (long) p.filterHeight() * p.filterWidth();
        return (taps + 1) * period * 4 + Requant.bytes(period) + 8 * taps;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Sizes the calling thread's working arrays for this operator (prepare and every run). */
    Work reserve() {
        final Work work = Work.get();
        work.rows(span * ringRowFloats);
        work.facc(accFloats);
        work.iacc(accFloats);
        work.offsets(taps);
        return work;
    }

    void run(DepthwiseConv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        run(p, input, inputOffset, output, outputOffset, 0, p.batches() * p.outputHeight());
    }

    /** Output rows [rowFrom, rowTo) of batches x height (a part of a multi-threaded run; the ring starts empty). */
    void run(DepthwiseConv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
             int rowFrom, int rowTo) {
        final Work work = reserve();
        final float[] ring = work.rows();
        final float[] facc = work.facc();
        final int[] iacc = work.iacc();
        final int[] offs = work.offsets();
        final int inBatchSize = p.inputHeight() * p.inputWidth() * p.inputDepth();
        final int outH = p.outputHeight();
        int out = outputOffset + rowFrom * rowLen;
        int next = 0; // first padded row not yet in the ring
        for (int row = rowFrom; row < rowTo; row++) {
            final int b = row / outH;
            final int oy = row - b * outH;
            final int inBatch = inputOffset + b * inBatchSize;
            if (oy == 0) {
                next = 0;
            }
            final int r0 = oy * p.strideHeight();
            final int rLast = r0 + span - 1;
            for (int r = Math.max(next, r0); r <= rLast; r++) {
                fillRow(p, input, inBatch, r - p.padTop(), ring, (r % span) * ringRowFloats);
            }
            next = rLast + 1;
            for (int t = 0; t < taps; t++) {
                offs[t] = ((r0 + tapRow[t]) % span) * ringRowFloats + tapCol[t];
            }
            accumulateRow(ring, offs, facc);
            if (rq.doubleOk) {
                rq.requantizeFloats(facc, 0, rowLen, 0, period, p.outputOffset(), p.activationMin(),
                        p.activationMax(), iacc, output, out);
            } else {
                Exactness.toInts(facc, rowLen, bias, period, iacc);
                rq.requantize(iacc, 0, rowLen, 0, period, p.outputOffset(), p.activationMin(), p.activationMax(),
                        output, out);
            }
            out += rowLen;
        }
    }

    /** facc[0..accFloats) = sum over taps of w * ring values for one output row. */
    private void accumulateRow(float[] ring, int[] offs, float[] facc) {
        final int P = period;
        final float[] w = this.w;
        int base = 0;
        for (; base + 4 * P <= accFloats; base += 4 * P) {
            for (int off = 0; off < P; off += N) {
                FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
                final int q = base + off;
                for (int t = 0; t < taps; t++) {
                    FloatVector wv = FloatVector.fromArray(F, w, t * P + off);
                    int s = offs[t] + q;
                    a0 = FloatVector.fromArray(F, ring, s).fma(wv, a0);
                    a1 = FloatVector.fromArray(F, ring, s + P).fma(wv, a1);
                    a2 = FloatVector.fromArray(F, ring, s + 2 * P).fma(wv, a2);
                    a3 = FloatVector.fromArray(F, ring, s + 3 * P).fma(wv, a3);
                }
                a0.intoArray(facc, q);
                a1.intoArray(facc, q + P);
                a2.intoArray(facc, q + 2 * P);
                a3.intoArray(facc, q + 3 * P);
            }
        }
        for (int q = base; q < accFloats; q += N) {
            final int wo = q % P;
            FloatVector a = FloatVector.zero(F);
            for (int t = 0; t < taps; t++) {
                a = FloatVector.fromArray(F, ring, offs[t] + q).fma(FloatVector.fromArray(F, w, t * P + wo), a);
            }
            a.intoArray(facc, q);
        }
    }

    /** Padded input row iy (may lie outside the input: zeros) into the ring row at dst. */
    private void fillRow(DepthwiseConv2DParams p, byte[] input, int inBatch, int iy, float[] ring, int dst) {
        if (iy < 0 || iy >= p.inputHeight()) {
            Arrays.fill(ring, dst, dst + ringRowFloats, 0f);
            return;
        }
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int dm = p.depthMultiplier();
        final int sw = p.strideWidth();
        final int padL = p.padLeft();
        final int src = inBatch + iy * inW * inC;
        if (sw == 1 && dm == 1) {
            // One contiguous run: zeros, the converted row, zeros.
            int lead = Math.min(padL, jPix);
            int body = Math.max(0, Math.min(inW, jPix - padL));
            Arrays.fill(ring, dst, dst + lead * outC, 0f);
            FloatGemm.convert(input, src, ring, dst + lead * outC, body * inC, inputOffset);
            Arrays.fill(ring, dst + (lead + body) * outC, dst + planeFloats, 0f);
            return;
        }
        // Zeros everywhere (padding, unused tail), then each input pixel that some output reads.
        Arrays.fill(ring, dst, dst + ringRowFloats, 0f);
        final int spill = (N - 1) / outC;
        // Single-channel rows with depth multiplier N/2 and stride 1 or 2: N input columns at a
        // time, converted once and spread by lane shuffles, two plane positions per store.
        int chunkFrom = 0;
        int chunkTo = 0;
        if (inC == 1 && dm * 2 == N && N == 16 && sw <= 2) {
            int c = Math.max(0, -padL);
            c += Math.floorMod(-(c + padL), sw); // first column of phase 0
            chunkFrom = c;
            for (; c + N <= inW && (c + padL) / sw + N / sw <= jPix; c += N) {
                FloatVector v = ((FloatVector) ByteVector.fromArray(Lanes.B, input, src + c)
                        .convertShape(VectorOperators.B2F, F, 0)).add(FloatVector.broadcast(F, inputOffset));
                final int at = dst + (c + padL) / sw * outC;
                // Pair k: columns u and u + sw; with stride 2 pairs 0-3 are phase 0, pairs 4-7 phase 1.
                if (sw == 1) {
                    v.rearrange(S1P0).intoArray(ring, at);
                    v.rearrange(S1P1).intoArray(ring, at + 2 * outC);
                    v.rearrange(S1P2).intoArray(ring, at + 4 * outC);
                    v.rearrange(S1P3).intoArray(ring, at + 6 * outC);
                    v.rearrange(S1P4).intoArray(ring, at + 8 * outC);
                    v.rearrange(S1P5).intoArray(ring, at + 10 * outC);
                    v.rearrange(S1P6).intoArray(ring, at + 12 * outC);
                    v.rearrange(S1P7).intoArray(ring, at + 14 * outC);
                } else {
                    v.rearrange(S2P0).intoArray(ring, at);
                    v.rearrange(S2P1).intoArray(ring, at + 2 * outC);
                    v.rearrange(S2P2).intoArray(ring, at + 4 * outC);
                    v.rearrange(S2P3).intoArray(ring, at + 6 * outC);
                    v.rearrange(S2P4).intoArray(ring, at + planeFloats);
                    v.rearrange(S2P5).intoArray(ring, at + planeFloats + 2 * outC);
                    v.rearrange(S2P6).intoArray(ring, at + planeFloats + 4 * outC);
                    v.rearrange(S2P7).intoArray(ring, at + planeFloats + 6 * outC);
                }
            }
            chunkTo = c;
        }
        for (int ph = 0; ph < sw; ph++) {
            // Plane positions j whose input column j*sw + ph - padL lies inside the row.
            final int j0 = Math.max(0, Math.floorDiv(padL - ph + sw - 1, sw));
            final int j1 = Math.min(jPix, Math.floorDiv(inW - 1 + padL - ph, sw) + 1);
            // Columns [chunkFrom, chunkTo) were written by the chunk loop: positions [skipFrom, skipTo).
            final int skipFrom = Math.floorDiv(chunkFrom + padL - ph + sw - 1, sw);
            final int skipTo = Math.floorDiv(chunkTo + padL - ph + sw - 1, sw);
            int ix = j0 * sw + ph - padL;
            int d = dst + ph * planeFloats + j0 * outC;
            for (int j = j0; j < j1; j++, ix += sw, d += outC) {
                if (j == skipFrom && skipTo > skipFrom) {
                    int n = skipTo - 1 - j; // jump to the last skipped position; the loop steps past it
                    j += n;
                    ix += n * sw;
                    d += n * outC;
                    continue;
                }
                if (dm == 1) {
                    FloatGemm.convert(input, src + ix * inC, ring, d, inC, inputOffset);
                } else if (inC == 1 && dm * 2 == N && j + 1 < j1) {
                    // Two positions per store: lanes [0, dm) for this one, [dm, N) for the next.
                    FloatVector.broadcast(F, input[src + ix] + inputOffset)
                            .blend(FloatVector.broadcast(F, input[src + ix + sw] + inputOffset), UPPER_HALF)
                            .intoArray(ring, d);
                    j++;
                    ix += sw;
                    d += outC;
                } else if (inC == 1 && dm <= N && j + spill < j1) {
                    // One broadcast store; lanes past dm land on following positions, written later.
                    FloatVector.broadcast(F, input[src + ix] + inputOffset).intoArray(ring, d);
                } else {
                    final int s = src + ix * inC;
                    for (int ic = 0; ic < inC; ic++) {
                        Arrays.fill(ring, d + ic * dm, d + ic * dm + dm, input[s + ic] + inputOffset);
                    }
                }
            }
        }
    }
}
