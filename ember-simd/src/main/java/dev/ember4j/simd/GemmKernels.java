/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.core.quant.FixedPoint;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.util.Arrays;

import static dev.ember4j.simd.Lanes.F;
import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.N;

/** CONV_2D (im2col rows, four output pixels per step) and FULLY_CONNECTED over {@link FloatGemm}. */
final class GemmKernels {
    private GemmKernels() {}

    static FloatGemm packConv(Conv2DParams p) {
        return new FloatGemm(p.filter(), p.outputDepth(), p.filterHeight() * p.filterWidth() * p.inputDepth(), 0,
                p.bias(), p.inputOffset(), p.outputMultiplier(), p.outputShift());
    }

    static FloatGemm packFc(FullyConnectedParams p) {
        return new FloatGemm(p.filter(), p.outputDepth(), p.inputDepth(), p.filterOffset(), p.bias(),
                p.inputOffset(), p.outputMultiplier(), p.outputShift());
    }

    /** Sizes the calling thread's working arrays for a GEMM over {@code g} (prepare and every run). */
    static Work reserve(FloatGemm g) {
        final Work work = Work.get();
        work.rows(g.rows * g.rowFloats());
        work.facc(g.rows * g.nPad);
        work.iacc(g.rows * g.nPad);
        return work;
    }

    /** {@link #reserve(FloatGemm)} plus the padded float image of a CONV_2D input. */
    static Work reserve(Conv2DParams p, FloatGemm g) {
        Work work = reserve(g);
        work.image(imageFloats(p));
        return work;
    }

    /** Above this many floats a convolution gathers its windows from the int8 input instead. */
    private static final long MAX_IMAGE_FLOATS = 1 << 22;

    /** Width and height of the padded image (the input region the output reads, padding included). */
    private static long imageWidth(Conv2DParams p) {
        return (long) (p.outputWidth() - 1) * p.strideWidth() + (long) (p.filterWidth() - 1) * p.dilationWidth() + 1;
    }

    private static long imageHeight(Conv2DParams p) {
        return (long) (p.outputHeight() - 1) * p.strideHeight()
                + (long) (p.filterHeight() - 1) * p.dilationHeight() + 1;
    }

    /**
     * Floats of the padded float image a convolution's windows are copied from, or 0 where it is
     * not used (1x1 convolutions read their rows directly; very large inputs keep the int8 gather).
     */
    static int imageFloats(Conv2DParams p) {
        if (contiguous(p)) {
            return 0;
        }
        long floats = p.batches() * imageHeight(p) * imageWidth(p) * p.inputDepth();
        return floats <= MAX_IMAGE_FLOATS ? (int) floats : 0;
    }

    /** 1x1, stride 1, no padding: output pixels read consecutive input pixels. */
    private static boolean contiguous(Conv2DParams p) {
        return p.filterHeight() == 1 && p.filterWidth() == 1 && p.strideHeight() == 1
                && p.strideWidth() == 1 && p.padTop() == 0 && p.padLeft() == 0
                && p.outputHeight() == p.inputHeight() && p.outputWidth() == p.inputWidth();
    }

    static void conv2d(Conv2DParams p, FloatGemm g, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        conv2d(p, g, input, inputOffset, output, outputOffset, 0, p.batches() * p.outputHeight());
    }

    /** Output rows [rowFrom, rowTo) of batches x height (a part of a multi-threaded run). */
    static void conv2d(Conv2DParams p, FloatGemm g, byte[] input, int inputOffset, byte[] output, int outputOffset,
                       int rowFrom, int rowTo) {
        final int rowFloats = g.rowFloats();
        final Work work = reserve(p, g);
        final int tile = g.rows;
        final float[] rows = work.rows();
        final float[] facc = work.facc();
        final int[] iacc = work.iacc();
        final float[] image = work.image();
        final int outW = p.outputWidth();
        final int plane = p.outputHeight() * outW;
        final int total = rowTo * outW;
        final int n = g.n;
        final boolean contiguous = contiguous(p);
        final boolean padded = !contiguous && imageFloats(p) > 0;
        if (padded) {
            convertImage(p, input, inputOffset, rowFrom, rowTo, image, g.inputOffset);
        }
        final int stride = contiguous ? g.k : rowFloats;
        for (int t = rowFrom * outW; t < total; t += tile) {
            final int np = Math.min(tile, total - t);
            if (contiguous) {
                FloatGemm.convert(input, inputOffset + t * g.k, rows, 0, np * g.k, g.inputOffset);
            } else if (padded) {
                for (int j = 0; j < np; j++) {
                    int pix = t + j;
                    int b = pix / plane;
                    int rem = pix - b * plane;
                    int y = rem / outW;
                    window(p, image, b, y, rem - y * outW, rows, j * stride);
                }
            } else {
                for (int j = 0; j < np; j++) {
                    int pix = t + j;
                    int b = pix / plane;
                    int rem = pix - b * plane;
                    int y = rem / outW;
                    int x = rem - y * outW;
                    im2col(p, input, inputOffset, b, y * p.strideHeight() - p.padTop(),
                            x * p.strideWidth() - p.padLeft(), rows, j * stride, g.inputOffset);
                }
            }
            // Rows past np hold earlier (finite) values; their results are not stored.
            if (g.floatSums) {
                g.multiplyFloats(rows, stride, facc);
                if (g.nPad != n) {
                    for (int r = 1; r < np; r++) {
                        System.arraycopy(facc, r * g.nPad, facc, r * n, n);
                    }
                }
                g.rq.requantizeFloats(facc, 0, np * n, 0, g.rq.slots, p.outputOffset(), p.activationMin(),
                        p.activationMax(), iacc, output, outputOffset + t * n);
                continue;
            }
            g.multiply(rows, stride, facc, iacc);
            if (g.nPad != n) { // close the gaps between accumulator rows, as the output rows have none
                for (int r = 1; r < np; r++) {
                    System.arraycopy(iacc, r * g.nPad, iacc, r * n, n);
                }
            }
            g.rq.requantize(iacc, 0, np * n, 0, g.rq.slots, p.outputOffset(), p.activationMin(), p.activationMax(),
                    output, outputOffset + t * n);
        }
    }

    /**
     * Converts the input rows that output rows [rowFrom, rowTo) of batches x height read into the
     * padded float image [b][py][px][c] (py = iy + padTop, px = ix + padLeft; 0 outside the input, the
     * offset added inside), so that each input value is converted once rather than once per window.
     */
    private static void convertImage(Conv2DParams p, byte[] input, int inputOffset, int rowFrom, int rowTo,
                                     float[] image, float offset) {
        final int outH = p.outputHeight();
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int w = (int) imageWidth(p);
        final int h = (int) imageHeight(p);
        final int rowFloats = w * inC;
        final int left = Math.min(p.padLeft(), w);
        final int inside = Math.max(0, Math.min(inW, w - left));
        for (int row = rowFrom; row < rowTo; ) {
            final int b = row / outH;
            final int y0 = row - b * outH;
            final int y1 = Math.min(rowTo - b * outH, outH);
            final int pyTo = Math.min(h, (y1 - 1) * p.strideHeight() + (p.filterHeight() - 1) * p.dilationHeight() + 1);
            for (int py = y0 * p.strideHeight(); py < pyTo; py++) {
                final int dst = (b * h + py) * rowFloats;
                final int iy = py - p.padTop();
                if (iy < 0 || iy >= inH) {
                    Arrays.fill(image, dst, dst + rowFloats, 0f);
                    continue;
                }
                Arrays.fill(image, dst, dst + left * inC, 0f);
                FloatGemm.convert(input, inputOffset + (b * inH + iy) * inW * inC, image, dst + left * inC,
                        inside * inC, offset);
                Arrays.fill(image, dst + (left + inside) * inC, dst + rowFloats, 0f);
            }
            row = b * outH + y1;
        }
    }

    /** The window of output pixel (b, y, x) from the padded image, as one float row [fy][fx][c]. */
    private static void window(Conv2DParams p, float[] image, int b, int y, int x, float[] row, int ro) {
        final int inC = p.inputDepth();
        final int fw = p.filterWidth();
        final int w = (int) imageWidth(p);
        final int rowFloats = w * inC;
        final int rowLen = fw * inC;
        final int dw = p.dilationWidth();
        int src = ((b * (int) imageHeight(p) + y * p.strideHeight()) * w + x * p.strideWidth()) * inC;
        final int step = p.dilationHeight() * rowFloats;
        for (int fy = 0, dst = ro; fy < p.filterHeight(); fy++, src += step, dst += rowLen) {
            if (dw == 1) {
                copy(image, src, row, dst, rowLen);
            } else {
                for (int fx = 0; fx < fw; fx++) {
                    copy(image, src + fx * dw * inC, row, dst + fx * inC, inC);
                }
            }
        }
    }

    /** System.arraycopy, except for short runs (a few floats), where its call costs more than a loop. */
    private static void copy(float[] src, int s, float[] dst, int d, int len) {
        if (len >= 32) {
            System.arraycopy(src, s, dst, d, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            dst[d + i] = src[s + i];
        }
    }

    /** The input window at (y0, x0) as one float row [fy][fx][c], offset added; padding taps are 0. */
    private static void im2col(Conv2DParams p, byte[] input, int inputOffset, int b, int y0, int x0,
                               float[] row, int ro, float offset) {
        final int fh = p.filterHeight();
        final int fw = p.filterWidth();
        final int inH = p.inputHeight();
        final int inW = p.inputWidth();
        final int inC = p.inputDepth();
        final int dh = p.dilationHeight();
        final int dw = p.dilationWidth();
        final int rowLen = fw * inC;
        final boolean xInside = x0 >= 0 && x0 + (fw - 1) * dw < inW;
        for (int fy = 0; fy < fh; fy++) {
            int inY = y0 + fy * dh;
            int dst = ro + fy * rowLen;
            if (inY < 0 || inY >= inH) {
                Arrays.fill(row, dst, dst + rowLen, 0f);
                continue;
            }
            int src = inputOffset + (b * inH + inY) * inW * inC;
            if (xInside && dw == 1) {
                FloatGemm.convert(input, src + x0 * inC, row, dst, rowLen, offset);
                continue;
            }
            for (int fx = 0; fx < fw; fx++) {
                int inX = x0 + fx * dw;
                if (inX < 0 || inX >= inW) {
                    Arrays.fill(row, dst, dst + inC, 0f);
                } else {
                    FloatGemm.convert(input, src + inX * inC, row, dst, inC, offset);
                }
                dst += inC;
            }
        }
    }

    /** Output channels [cFrom, cTo) of a one-batch FULLY_CONNECTED (a part of a multi-threaded run). */
    static void fullyConnectedChannels(FullyConnectedParams p, FloatGemm g, FcDot dot, byte[] input, int inputOffset,
                                       byte[] output, int outputOffset, int cFrom, int cTo) {
        final int k = g.k;
        final float[] x = reserve(g).rows();
        FloatGemm.convert(input, inputOffset, x, 0, k, g.inputOffset);
        Arrays.fill(x, k, g.rowFloats(), 0f);
        for (int c = cFrom; c < cTo; c++) {
            output[outputOffset + c] = fcRequant(g, c, dot.dot(x, c) + g.bias[c], p);
        }
    }

    static void fullyConnected(FullyConnectedParams p, FloatGemm g, FcDot dot, byte[] input, int inputOffset,
                               byte[] output, int outputOffset) {
        final int k = g.k;
        final int n = g.n;
        final int rowFloats = g.rowFloats();
        final Work work = reserve(g);
        final int rows = p.batches();
        if (rows < 4) {
            float[] x = work.rows();
            for (int r = 0; r < rows; r++) {
                FloatGemm.convert(input, inputOffset + r * k, x, 0, k, g.inputOffset);
                Arrays.fill(x, k, rowFloats, 0f);
                for (int c = 0; c < n; c++) {
                    output[outputOffset + r * n + c] = fcRequant(g, c, dot.dot(x, c) + g.bias[c], p);
                }
            }
            return;
        }
        final int tile = g.rows;
        final float[] a = work.rows();
        final float[] facc = work.facc();
        final int[] iacc = work.iacc();
        for (int t = 0; t < rows; t += tile) {
            int np = Math.min(tile, rows - t);
            for (int j = 0; j < np; j++) {
                FloatGemm.convert(input, inputOffset + (t + j) * k, a, j * rowFloats, k, g.inputOffset);
            }
            g.multiply(a, rowFloats, facc, iacc);
            for (int r = 0; r < np; r++) {
                for (int c = 0; c < n; c++) {
                    output[outputOffset + (t + r) * n + c] = fcRequant(g, c, iacc[r * g.nPad + c], p);
                }
            }
        }
    }

    /** FULLY_CONNECTED requantizes with a single rounding (as TFLite 2.21's reference kernel). */
    private static byte fcRequant(FloatGemm g, int c, int acc, FullyConnectedParams p) {
        int r = FixedPoint.multiplyByQuantizedMultiplierSingleRounding(acc, g.rq.mult[c], g.rq.shift[c])
                + p.outputOffset();
        return (byte) Math.min(Math.max(r, p.activationMin()), p.activationMax());
    }

    /**
     * FULLY_CONNECTED for few rows: each output is one dot product along k (weights [n][k padded],
     * lanes along k), which keeps all lanes busy even with a handful of outputs.
     */
    static final class FcDot {
        private final int kPad;
        private final float[] w;
        private final int chunk;

        FcDot(FullyConnectedParams p, FloatGemm g) {
            this.kPad = g.rowFloats();
            this.w = new float[p.outputDepth() * kPad];
            int k = p.inputDepth();
            for (int c = 0; c < p.outputDepth(); c++) {
                for (int kk = 0; kk < k; kk++) {
                    w[c * kPad + kk] = p.filter()[c * k + kk] + p.filterOffset();
                }
            }
            this.chunk = g.chunk; // terms per lane
        }

        /** sum_k w[c][k] * x[k], exact. */
        int dot(float[] x, int c) {
            final int base = c * kPad;
            final long step = (long) chunk * N;
            IntVector total = IntVector.zero(I);
            for (int k0 = 0; k0 < kPad; k0 = (int) Math.min(kPad, k0 + step)) {
                int k1 = (int) Math.min(kPad, k0 + step);
                FloatVector s0 = FloatVector.zero(F);
                for (int kk = k0; kk < k1; kk += N) {
                    s0 = FloatVector.fromArray(F, w, base + kk).fma(FloatVector.fromArray(F, x, kk), s0);
                }
                total = total.add(s0.add(FloatVector.broadcast(F, Exactness.MAGIC)).reinterpretAsInts()
                    .sub(IntVector.broadcast(I, Exactness.MAGIC_BITS)));
            }
            return total.reduceLanes(VectorOperators.ADD);
        }
    }
}
