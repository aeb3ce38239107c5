/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.conv2d;

import dev.ember4j.core.IdentityCache;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowRange;
import dev.ember4j.ops.common.ImageRows;
import dev.ember4j.ops.common.RowKernel;
import dev.ember4j.ops.common.Requantize;
import dev.ember4j.ops.common.Work;
import dev.ember4j.ops.common.IntRows;
import java.util.function.Function;
import dev.ember4j.ops.conv2d.Conv2DParams;

import java.util.Arrays;

/**
 * CONV_2D, int8 NHWC, per-channel requantization, as TFLite's reference_integer_ops::ConvPerChannel:
 * out[y][x][c] = requantize(bias[c] + sum over taps (fy, fx, ic) inside the input of
 * filter[c][fy][fx][ic] * (input[y*sh + fy*dh - padTop][x*sw + fx*dw - padLeft][ic] + inputOffset)).
 * Taps in the padding contribute nothing.
 *
 * <p>The sums are computed as long rows of int multiply-adds ({@link IntRows}), which the JIT
 * vectorizes, in one of two forms chosen per operator: along output channels (for each output pixel,
 * add input term times that tap's weights for all channels) or along output pixels (for each channel,
 * add weight times that tap's input terms for a block of pixels). int addition wraps, so the order of
 * the terms cannot change the result.
 */
public final class Conv2DKernel {
    private Conv2DKernel() {}

    /** The reference kernel of int8 CONV_2D: weights widened once per operator, output rows split for threads. */
    public static final OpKernel<Conv2DParams> KERNEL = new Reference();

    private static final class Reference extends RowKernel<Conv2DParams> implements RowRange<Conv2DParams> {
        private final IdentityCache<Conv2DParams, Prepared> weights = new IdentityCache<>();
        private final Function<Conv2DParams, Prepared> make = Conv2DKernel::prepare;

        @Override
        public void prepare(Conv2DParams p) {
            reserve(p, weights.computeIfAbsent(p, make));
        }

        @Override
        protected void compute(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset, int from, int to) {
            conv2d(p, weights.computeIfAbsent(p, make), input, inputOffset, output, outputOffset, from, to);
        }

        @Override
        public int inputRowFrom(Conv2DParams p, int outputRow) {
            return ImageRows.inputFrom(outputRow, p.outputHeight(), p.inputHeight(), p.strideHeight(), p.padTop());
        }

        @Override
        public int inputRowTo(Conv2DParams p, int outputRow) {
            return ImageRows.inputTo(outputRow, p.outputHeight(), p.inputHeight(), p.strideHeight(), p.padTop(),
                    (p.filterHeight() - 1) * p.dilationHeight() + 1);
        }
    }

    /**
     * Rows run along output channels when there are at least this many, or more channels than pixels;
     * otherwise along pixels. (Measured on MobileNet shapes: 64 channels over 144 pixels is faster
     * along pixels; along channels, input terms that are zero are skipped.)
     */
    private static final int MIN_CHANNELS_PER_ROW = 128;
    /** Input terms per block of pixels in the pixel-wise form: 128 KiB, in L2 (measured faster than smaller blocks). */
    private static final int BLOCK_INTS = 32768;

    /** Weights of one operator, rearranged once for the chosen form. */
    static final class Prepared {
        /** Rows along output channels: weightsByTap[k][c] = filter[c][k], k = (fy, fx, ic). */
        final int[][] weightsByTap;
        /** Rows along output pixels: per channel c its nonzero weights and their taps k. */
        final int[][] weights;
        final int[][] taps;
        /** Output pixels per block in the pixel-wise form. */
        final int block;
        final Requantize requantize;

        Prepared(Conv2DParams p, int[][] weightsByTap, int[][] weights, int[][] taps, int block) {
            this.weightsByTap = weightsByTap;
            this.weights = weights;
            this.taps = taps;
            this.block = block;
            this.requantize = new Requantize(p.outputMultiplier(), p.outputShift(), p.outputOffset(),
                    p.activationMin(), p.activationMax());
        }

        boolean alongChannels() {
            return weightsByTap != null;
        }
    }

    static Prepared prepare(Conv2DParams p) {
        final int depth = p.outputDepth();
        final int taps = p.filterHeight() * p.filterWidth() * p.inputDepth();
        final int pixels = p.outputHeight() * p.outputWidth();
        final byte[] filter = p.filter();
        if (depth >= MIN_CHANNELS_PER_ROW || pixels < depth) {
            int[][] byTap = new int[taps][depth];
            for (int c = 0; c < depth; c++) {
                for (int k = 0; k < taps; k++) {
                    byTap[k][c] = filter[c * taps + k];
                }
            }
            return new Prepared(p, byTap, null, null, 0);
        }
        int[][] weights = new int[depth][];
        int[][] tapsOf = new int[depth][];
        for (int c = 0; c < depth; c++) {
            int nonzero = 0;
            for (int k = 0; k < taps; k++) {
                nonzero += filter[c * taps + k] != 0 ? 1 : 0;
            }
            weights[c] = new int[nonzero];
            tapsOf[c] = new int[nonzero];
            for (int k = 0, i = 0; k < taps; k++) {
                if (filter[c * taps + k] != 0) {
                    weights[c][i] = filter[c * taps + k];
                    tapsOf[c][i++] = k;
                }
            }
        }
        // Blocks of equal size (no short last block), at most BLOCK_INTS input terms or 64 pixels each.
        final int maxBlock = Math.max(64, BLOCK_INTS / taps);
        final int blocks = (pixels + maxBlock - 1) / maxBlock;
        return new Prepared(p, null, weights, tapsOf, (pixels + blocks - 1) / blocks);
    }

    /** Sizes the calling thread's working arrays for this operator (called at prepare and by every run). */
    static Work reserve(Conv2DParams p, Prepared w) {
        final Work work = Work.get();
        final int taps = p.filterHeight() * p.filterWidth() * p.inputDepth();
        if (w.alongChannels()) {
            work.row(Work.CONV_ACC, p.outputDepth());
            work.row(Work.CONV_OUTPUT_ROW, p.outputWidth() * p.outputDepth());
            work.row(Work.CONV_PICK, taps);
            work.row(Work.CONV_COEF, taps);
        } else {
            work.rows(Work.CONV_COLUMNS, taps, w.block);
            work.row(Work.CONV_ACC, w.block);
        }
        return work;
    }

    static void conv2d(Conv2DParams p, Prepared w, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        conv2d(p, w, input, inputOffset, output, outputOffset, 0, p.batches() * p.outputHeight());
    }

    /** Output rows [rowFrom, rowTo) of batches x height (a part of a multi-threaded run). */
    static void conv2d(Conv2DParams p, Prepared w, byte[] input, int inputOffset, byte[] output, int outputOffset,
                       int rowFrom, int rowTo) {
        if (w.alongChannels()) {
            alongChannels(p, w, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        } else {
            alongPixels(p, w, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        }
    }

    /** For each output pixel: acc[c] += (x + inputOffset) * weightsByTap[k][c] over the taps k with x + inputOffset != 0. */
    private static void alongChannels(Conv2DParams p, Prepared w, byte[] input, int inputOffset,
                                      byte[] output, int outputOffset, int rowFrom, int rowTo) {
        final int inputHeight = p.inputHeight();
        final int inputWidth = p.inputWidth();
        final int inputDepth = p.inputDepth();
        final int depth = p.outputDepth();
        final int filterHeight = p.filterHeight();
        final int filterWidth = p.filterWidth();
        final int dilationHeight = p.dilationHeight();
        final int dilationWidth = p.dilationWidth();
        final int inputZeroOffset = p.inputOffset();
        final int[] bias = p.bias();
        final int inputRowStride = inputWidth * inputDepth;
        final int taps = filterHeight * filterWidth * inputDepth;

        final Work work = reserve(p, w);
        final int[] acc = work.row(Work.CONV_ACC);
        final int[] outputRow = work.row(Work.CONV_OUTPUT_ROW);
        final int[] pick = work.row(Work.CONV_PICK);
        final int[] coef = work.row(Work.CONV_COEF);
        final int outputHeight = p.outputHeight();
        int out = outputOffset + rowFrom * p.outputWidth() * depth;
        for (int row = rowFrom; row < rowTo; row++) {
            final int b = row / outputHeight;
            final int outY = row - b * outputHeight;
            final int inputBatch = inputOffset + b * inputHeight * inputRowStride;
            final int inYOrigin = outY * p.strideHeight() - p.padTop();
            final int fyStart = tapStart(inYOrigin, dilationHeight);
            final int fyEnd = tapEnd(inYOrigin, dilationHeight, inputHeight, filterHeight);
            for (int outX = 0; outX < p.outputWidth(); outX++) {
                final int inXOrigin = outX * p.strideWidth() - p.padLeft();
                final int fxStart = tapStart(inXOrigin, dilationWidth);
                final int fxEnd = tapEnd(inXOrigin, dilationWidth, inputWidth, filterWidth);
                // Gather the taps with a nonzero input term: zeros (common after ReLU) add nothing.
                int n = 0;
                for (int fy = fyStart; fy < fyEnd; fy++) {
                    final int inputRow = inputBatch + (inYOrigin + dilationHeight * fy) * inputRowStride;
                    for (int fx = fxStart; fx < fxEnd; fx++) {
                        final int in = inputRow + (inXOrigin + dilationWidth * fx) * inputDepth;
                        final int k = (fy * filterWidth + fx) * inputDepth;
                        for (int ic = 0; ic < inputDepth; ic++) {
                            final int x = input[in + ic] + inputZeroOffset;
                            coef[n] = x;
                            pick[n] = k + ic;
                            n += (x | -x) >>> 31; // keeps the entry iff x != 0, without a branch
                        }
                    }
                }
                if (bias != null) {
                    System.arraycopy(bias, 0, acc, 0, depth);
                } else {
                    Arrays.fill(acc, 0, depth, 0);
                }
                IntRows.addScaled(acc, depth, w.weightsByTap, pick, coef, n);
                System.arraycopy(acc, 0, outputRow, outX * depth, depth);
            }
            w.requantize.pixels(outputRow, p.outputWidth(), depth, output, out);
            out += p.outputWidth() * depth;
        }
    }

    /**
     * For blocks of output pixels: columns[k][i] = the input term of tap k for pixel i (0 in the
     * padding), then per channel c: acc[i] = bias[c] + sum over k of filter[c][k] * columns[k][i].
     */
    private static void alongPixels(Conv2DParams p, Prepared w, byte[] input, int inputOffset,
                                    byte[] output, int outputOffset, int rowFrom, int rowTo) {
        final int depth = p.outputDepth();
        final int taps = p.filterHeight() * p.filterWidth() * p.inputDepth();
        final int pixels = p.outputHeight() * p.outputWidth();
        final int block = w.block;
        final int[] bias = p.bias();

        final Work work = reserve(p, w);
        final int[][] columns = work.table(Work.CONV_COLUMNS);
        final int[] acc = work.row(Work.CONV_ACC);
        final int outputHeight = p.outputHeight();
        for (int b = rowFrom / outputHeight; b < p.batches() && b * outputHeight < rowTo; b++) {
            final int inputBatch = inputOffset + b * p.inputHeight() * p.inputWidth() * p.inputDepth();
            final int outputBatch = outputOffset + b * pixels * depth;
            final int firstPixel = (Math.max(rowFrom, b * outputHeight) - b * outputHeight) * p.outputWidth();
            final int endPixel = (Math.min(rowTo, (b + 1) * outputHeight) - b * outputHeight) * p.outputWidth();
            for (int first = firstPixel; first < endPixel; first += block) {
                final int n = Math.min(block, endPixel - first);
                toColumns(p, input, inputBatch, first, n, columns);
                for (int c = 0; c < depth; c++) {
                    Arrays.fill(acc, 0, n, bias != null ? bias[c] : 0);
                    IntRows.addScaled(acc, n, columns, w.taps[c], w.weights[c], w.taps[c].length);
                    w.requantize.channel(c, acc, 0, 1, n, output, outputBatch + first * depth + c, depth);
                }
            }
        }
    }

    /**
     * columns[k][i] = input term of tap k = (fy, fx, ic) for output pixel first + i, or 0 in the padding.
     * Goes along each output row segment of the block, so that for one tap the pixels inside the input
     * form one run.
     */
    private static void toColumns(Conv2DParams p, byte[] input, int inputBatch, int first, int n, int[][] columns) {
        final int inputHeight = p.inputHeight();
        final int inputWidth = p.inputWidth();
        final int inputDepth = p.inputDepth();
        final int outputWidth = p.outputWidth();
        final int strideWidth = p.strideWidth();
        final int inputZeroOffset = p.inputOffset();
        for (int i = 0; i < n; ) {
            final int outY = (first + i) / outputWidth;
            final int xStart = (first + i) % outputWidth;
            final int xEnd = Math.min(outputWidth, xStart + n - i);
            final int inYOrigin = outY * p.strideHeight() - p.padTop();
            int k = 0;
            for (int fy = 0; fy < p.filterHeight(); fy++) {
                final int inY = inYOrigin + p.dilationHeight() * fy;
                final int inputRow = inputBatch + inY * inputWidth * inputDepth;
                for (int fx = 0; fx < p.filterWidth(); fx++, k += inputDepth) {
                    // Output columns [from, to) of the segment read inside the input for this tap, the rest padding.
                    // Clamped: a tap beyond the input reads only padding (and the int cannot overflow).
                    final int inXOrigin = (int) Math.min((long) p.dilationWidth() * fx - p.padLeft(), inputWidth);
                    int from = xEnd;
                    int to = xEnd;
                    if (inY >= 0 && inY < inputHeight) {
                        from = Math.min(xEnd, Math.max(xStart, tapStart(inXOrigin, strideWidth)));
                        to = Math.max(from, Math.min(xEnd, tapEnd(inXOrigin, strideWidth, inputWidth, outputWidth)));
                    }
                    for (int ic = 0; ic < inputDepth; ic++) {
                        final int[] column = columns[k + ic];
                        final int at = i - xStart; // column index of output column 0 of this segment
                        Arrays.fill(column, at + xStart, at + from, 0);
                        for (int x = from; x < to; x++) {
                            column[at + x] = input[inputRow + (inXOrigin + x * strideWidth) * inputDepth + ic]
                                    + inputZeroOffset;
                        }
                        Arrays.fill(column, at + to, at + xEnd, 0);
                    }
                }
            }
            i += xEnd - xStart;
        }
    }

    /** The first {@code t >= 0} with {@code origin + step * t >= 0}: the first filter tap inside the input. */
    public static int tapStart(int origin, int step) {
        return origin >= 0 ? 0 : (int) ((-(long) origin + step - 1) / step);
    }

    /** One past the last {@code t < count} with {@code origin + step * t < size}: past the last tap inside. */
    public static int tapEnd(int origin, int step, int size, int count) {
        final long room = (long) size - origin;
        return room <= 0 ? 0 : (int) Math.min(count, (room + step - 1) / step);
    }
}
