/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.ops.conv2d.Conv2DParams;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;

import static dev.ember4j.simd.Lanes.F;
import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.N;

/**
 * CONV_2D with output pixels in the lanes, for the narrow first layers of image models (one to four
 * input channels, e.g. 96x96x3 -> 48x48x8). The im2col GEMM puts output channels in the lanes: with
 * eight channels half of a 512-bit vector idles, and gathering 27 single bytes per output pixel costs
 * more than its multiply-adds (measured: 100 ns per pixel for vww_96's first layer).
 *
 * <p>Here the input rows a run needs are converted once into float planes per input channel and column
 * phase ({@code ix + padLeft = j * strideW + phase}), with padding as 0 (the offset is added on
 * conversion, so a padding tap adds nothing, as in the reference). For one tap (fy, fx, ci) the values
 * of consecutive output pixels of a row then lie contiguously in one plane, so an output row is, per
 * block of four channels, a sum over taps of broadcast weight times a vector of pixels. Sums are exact in
 * float lanes ({@link Exactness}: used only when all taps fit one chunk); they leave as ints with the
 * bias, are requantized per channel (all lanes of a vector share one channel) and transposed into the
 * NHWC output.
 */
final class PixelConv {
    /** Output channels per block (weights broadcast from a [block][tap][4] array). */
    private static final int CB = 4;
    /** Output channels beyond which the GEMM kernel is used instead. */
    static final int MAX_CHANNELS = 64;
    /** Upper bound of the planar input, in floats, beyond which the GEMM kernel is used instead. */
    private static final long MAX_PLANE_FLOATS = 1 << 22;

    private final int taps;
    private final int cPad;
    /** Output pixels per row, rounded up to whole vectors: the stride of accumulator rows. */
    private final int accStride;
    /** Floats per converted input row of one plane. */
    private final int inStride;
    /** [block][tap][CB] weights, zero for padding channels. */
    private final float[] w;
    /** Per tap: its filter row, and its offset in the planes (plane start + column shift). */
    private final int[] tapRow;
    private final int[] tapOffset;
    private final int[] bias;
    private final Requant[] perChannel;
    private final float inputOffset;

    private PixelConv(Conv2DParams p) {
        final int fh = p.filterHeight();
        final int fw = p.filterWidth();
        final int inC = p.inputDepth();
        final int n = p.outputDepth();
        final int sW = p.strideWidth();
        this.taps = fh * fw * inC;
        this.cPad = Lanes.roundUp(n, CB);
        this.accStride = Lanes.roundUp(p.outputWidth(), N);
        this.inStride = accStride + ((fw - 1) * p.dilationWidth()) / sW;
        this.w = new float[cPad * taps];
        this.tapRow = new int[taps];
        this.tapOffset = new int[taps];
        for (int fy = 0; fy < fh; fy++) {
            for (int fx = 0; fx < fw; fx++) {
                for (int ci = 0; ci < inC; ci++) {
                    int t = (fy * fw + fx) * inC + ci;
                    int u = fx * p.dilationWidth();
                    tapRow[t] = fy;
                    tapOffset[t] = (ci * sW + u % sW) * p.inputHeight() * inStride + u / sW;
                    for (int c = 0; c < n; c++) {
                        w[((c / CB) * taps + t) * CB + c % CB] = p.filter()[c * taps + t];
                    }
                }
            }
        }
        this.bias = new int[cPad];
        if (p.bias() != null) {
            System.arraycopy(p.bias(), 0, bias, 0, n);
        }
        this.perChannel = new Requant[n];
        long[] bound = Requant.maxAbsAcc(p.filter(), n, taps, taps, 1, 0, p.bias(), p.inputOffset());
        for (int c = 0; c < n; c++) {
            int[] channelOf = new int[N];
            java.util.Arrays.fill(channelOf, c);
            perChannel[c] = new Requant(p.outputMultiplier(), p.outputShift(), n, channelOf, bound);
        }
        this.inputOffset = p.inputOffset();
    }

    /** The kernel for {@code p}, or null where the GEMM kernel suits it better or this one is not exact. */
    static PixelConv forShape(Conv2DParams p) {
        return suits(p) ? new PixelConv(p) : null;
    }

    /** Bytes the kernel for {@code p} keeps (estimated before it is made). */
    static long bytes(Conv2DParams p) {
        long taps = (long) p.filterHeight() * p.filterWidth() * p.inputDepth();
        return Lanes.roundUp(p.outputDepth(), CB) * (taps * 4 + 4) + taps * 8
                + p.outputDepth() * Requant.bytes(N);
    }

    /** Whether this kernel takes {@code p} (narrow input, wide enough rows, few channels, exact). */
    static boolean suits(Conv2DParams p) {
        // First layers have a few dozen channels; many more would make the per-channel requantization
        // constants (two kilobytes each) outgrow the weights a model file must hold for them.
        if (p.inputDepth() > 4 || p.outputWidth() < N || p.outputDepth() > MAX_CHANNELS) {
            return false;
        }
        long planes = (long) p.inputDepth() * p.strideWidth() * p.inputHeight()
                * (Lanes.roundUp(p.outputWidth(), N) + (long) (p.filterWidth() - 1) * p.dilationWidth());
        if (planes > MAX_PLANE_FLOATS) {
            return false;
        }
        int taps = p.filterHeight() * p.filterWidth() * p.inputDepth();
        return Exactness.oneChunk(p.filter(), p.outputDepth(), taps, taps, 1, 0, p.inputOffset())
                || taps <= Exactness.termsPerChunk(Exactness.maxAbsWeight(p.filter(), 0),
                        Exactness.maxAbsInput(p.inputOffset()));
    }

    private int planeFloats(Conv2DParams p) {
        return p.inputDepth() * p.strideWidth() * p.inputHeight() * inStride;
    }

    /** Sizes the calling thread's working arrays (prepare and every run). */
    Work reserve(Conv2DParams p) {
        Work work = Work.get();
        work.rows(planeFloats(p));
        work.iacc(cPad * accStride);
        work.bytes(cPad * accStride);
        work.offsets(taps);
        return work;
    }

    /** Output rows [rowFrom, rowTo) of batches x height. */
    void run(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset, int rowFrom, int rowTo) {
        final Work work = reserve(p);
        final float[] planes = work.rows();
        final int[] ints = work.iacc();
        final byte[] bytes = work.bytes();
        final int[] at = work.offsets();
        final int outH = p.outputHeight();
        final int outW = p.outputWidth();
        final int n = p.outputDepth();
        for (int row = rowFrom; row < rowTo; ) {
            final int b = row / outH;
            final int yEnd = Math.min(rowTo - b * outH, outH);
            final int y0 = row - b * outH;
            convertRows(p, input, inputOffset, b, y0, yEnd, planes);
            for (int y = y0; y < yEnd; y++) {
                final int iy0 = y * p.strideHeight() - p.padTop();
                int fyFrom = 0;
                while (fyFrom < p.filterHeight() && iy0 + fyFrom * p.dilationHeight() < 0) {
                    fyFrom++;
                }
                int fyTo = p.filterHeight();
                while (fyTo > fyFrom && iy0 + (fyTo - 1) * p.dilationHeight() >= p.inputHeight()) {
                    fyTo--;
                }
                final int tapFrom = fyFrom * p.filterWidth() * p.inputDepth();
                final int tapTo = fyTo * p.filterWidth() * p.inputDepth();
                final int rowBase = iy0 * inStride;
                final int rowStep = p.dilationHeight() * inStride;
                for (int t = tapFrom; t < tapTo; t++) {
                    at[t] = rowBase + tapRow[t] * rowStep + tapOffset[t];
                }
                final int pairs = accStride / (2 * N) * (2 * N);
                for (int cb = 0; cb < cPad; cb += CB) {
                    for (int x = 0; x < pairs; x += 2 * N) {
                        block2(planes, at, x, cb, tapFrom, tapTo, ints);
                    }
                    if (pairs < accStride) {
                        block1(planes, at, pairs, cb, tapFrom, tapTo, ints);
                    }
                }
                final int o = outputOffset + (b * outH + y) * outW * n;
                for (int c = 0; c < n; c++) {
                    perChannel[c].requantize(ints, c * accStride, outW, 0, N, p.outputOffset(), p.activationMin(),
                            p.activationMax(), bytes, c * accStride);
                }
                for (int x = 0; x < outW; x++) {
                    for (int c = 0; c < n; c++) {
                        output[o + x * n + c] = bytes[c * accStride + x];
                    }
                }
            }
            row = b * outH + yEnd;
        }
    }

    /**
     * Four channels times one vector of pixels at x over taps [tapFrom, tapTo) (tap t reads the planes
     * from at[t]), stored as ints with the bias at ints[c * accStride + x].
     */
    private void block1(float[] planes, int[] at, int x, int cb, int tapFrom, int tapTo, int[] ints) {
        final float[] w = this.w;
        final int wBase = cb * taps;
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
        for (int t = tapFrom; t < tapTo; t++) {
            FloatVector v = FloatVector.fromArray(F, planes, at[t] + x);
            int wi = wBase + t * CB;
            a0 = v.fma(FloatVector.broadcast(F, w[wi]), a0);
            a1 = v.fma(FloatVector.broadcast(F, w[wi + 1]), a1);
            a2 = v.fma(FloatVector.broadcast(F, w[wi + 2]), a2);
            a3 = v.fma(FloatVector.broadcast(F, w[wi + 3]), a3);
        }
        final FloatVector magic = FloatVector.broadcast(F, Exactness.MAGIC);
        final int o = cb * accStride + x;
        a0.add(magic).reinterpretAsInts().add(IntVector.broadcast(I, bias[cb] - Exactness.MAGIC_BITS))
                .intoArray(ints, o);
        a1.add(magic).reinterpretAsInts().add(IntVector.broadcast(I, bias[cb + 1] - Exactness.MAGIC_BITS))
                .intoArray(ints, o + accStride);
        a2.add(magic).reinterpretAsInts().add(IntVector.broadcast(I, bias[cb + 2] - Exactness.MAGIC_BITS))
                .intoArray(ints, o + 2 * accStride);
        a3.add(magic).reinterpretAsInts().add(IntVector.broadcast(I, bias[cb + 3] - Exactness.MAGIC_BITS))
                .intoArray(ints, o + 3 * accStride);
    }

    /** {@link #block1} for two vectors of pixels (x and x + N): each weight broadcast feeds two FMAs. */
    private void block2(float[] planes, int[] at, int x, int cb, int tapFrom, int tapTo, int[] ints) {
        final float[] w = this.w;
        final int wBase = cb * taps;
        FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0, b0 = a0, b1 = a0, b2 = a0, b3 = a0;
        for (int t = tapFrom; t < tapTo; t++) {
            int src = at[t] + x;
            FloatVector u = FloatVector.fromArray(F, planes, src);
            FloatVector v = FloatVector.fromArray(F, planes, src + N);
            int wi = wBase + t * CB;
            FloatVector k = FloatVector.broadcast(F, w[wi]);
            a0 = u.fma(k, a0);
            b0 = v.fma(k, b0);
            k = FloatVector.broadcast(F, w[wi + 1]);
            a1 = u.fma(k, a1);
            b1 = v.fma(k, b1);
            k = FloatVector.broadcast(F, w[wi + 2]);
            a2 = u.fma(k, a2);
            b2 = v.fma(k, b2);
            k = FloatVector.broadcast(F, w[wi + 3]);
            a3 = u.fma(k, a3);
            b3 = v.fma(k, b3);
        }
        final FloatVector magic = FloatVector.broadcast(F, Exactness.MAGIC);
        final int o = cb * accStride + x;
        IntVector bias0 = IntVector.broadcast(I, bias[cb] - Exactness.MAGIC_BITS);
        a0.add(magic).reinterpretAsInts().add(bias0).intoArray(ints, o);
        b0.add(magic).reinterpretAsInts().add(bias0).intoArray(ints, o + N);
        IntVector bias1 = IntVector.broadcast(I, bias[cb + 1] - Exactness.MAGIC_BITS);
        a1.add(magic).reinterpretAsInts().add(bias1).intoArray(ints, o + accStride);
        b1.add(magic).reinterpretAsInts().add(bias1).intoArray(ints, o + accStride + N);
        IntVector bias2 = IntVector.broadcast(I, bias[cb + 2] - Exactness.MAGIC_BITS);
        a2.add(magic).reinterpretAsInts().add(bias2).intoArray(ints, o + 2 * accStride);
        b2.add(magic).reinterpretAsInts().add(bias2).intoArray(ints, o + 2 * accStride + N);
        IntVector bias3 = IntVector.broadcast(I, bias[cb + 3] - Exactness.MAGIC_BITS);
        a3.add(magic).reinterpretAsInts().add(bias3).intoArray(ints, o + 3 * accStride);
        b3.add(magic).reinterpretAsInts().add(bias3).intoArray(ints, o + 3 * accStride + N);
    }

    /** Converts the input rows that output rows [y0, y1) of batch b read into the planes. */
    private void convertRows(Conv2DParams p, byte[] input, int inputOffset, int b, int y0, int y1, float[] planes) {
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int sW = p.strideWidth();
        final int padLeft = p.padLeft();
        final float offset = this.inputOffset;
        final int first = Math.max(0, y0 * p.strideHeight() - p.padTop());
        final int last = Math.min(inH - 1,
                (y1 - 1) * p.strideHeight() - p.padTop() + (p.filterHeight() - 1) * p.dilationHeight());
        final int planeSize = inH * inStride;
        for (int ci = 0; ci < inC; ci++) {
            for (int ph = 0; ph < sW; ph++) {
                // Plane column j reads ix = j * sW + ph - padLeft: columns [jFrom, jTo) exist, the others read 0.
                final int jFrom = Math.min(inStride, Math.max(0, ceilDiv(padLeft - ph, sW)));
                final int jTo = Math.max(jFrom, Math.min(inStride, ceilDiv(inW + padLeft - ph, sW)));
                final int step = sW * inC;
                for (int iy = first; iy <= last; iy++) {
                    final int row = (ci * sW + ph) * planeSize + iy * inStride;
                    java.util.Arrays.fill(planes, row, row + jFrom, 0f);
                    java.util.Arrays.fill(planes, row + jTo, row + inStride, 0f);
                    int src = inputOffset + ((b * inH + iy) * inW + jFrom * sW + ph - padLeft) * inC + ci;
                    for (int j = jFrom; j < jTo; j++, src += step) {
                        planes[row + j] = input[src] + offset;
                    }
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
