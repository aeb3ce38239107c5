/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthwiseconv2d;

import dev.ember4j.core.IdentityCache;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowRange;
import dev.ember4j.ops.common.ImageRows;
import dev.ember4j.ops.common.RowKernel;
import dev.ember4j.ops.conv2d.Conv2DKernel;
import dev.ember4j.ops.common.Requantize;
import dev.ember4j.ops.common.Work;
import dev.ember4j.ops.common.IntRows;
import java.util.function.Function;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;

import java.util.Arrays;

/**
 * DEPTHWISE_CONV_2D, int8 NHWC, per-channel requantization, as TFLite's
 * reference_integer_ops::DepthwiseConvPerChannel: output channel {@code c} filters input channel
 * {@code c / depthMultiplier} only, out[y][x][c] = requantize(bias[c] + sum over taps (fy, fx) inside
 * the input of filter[fy][fx][c] * (input[y*sh + fy*dh - padTop][x*sw + fx*dw - padLeft][c / dm] + inputOffset)).
 * Taps in the padding contribute nothing.
 *
 * <p>Computed one output row at a time: acc[x * outputDepth + c] = bias[c] + sum over taps of
 * weights[tap][x * outputDepth + c] * terms[inY][fx][x * outputDepth + c], as long rows of int
 * products that the JIT vectorizes ({@link IntRows}). The weights are repeated across x once per
 * operator; terms[inY][fx] holds, for every output column x, the input term that filter column fx
 * reads from input row inY (0 in the padding). Those rows are built once per input row and kept in a
 * small ring while the output rows that read them are computed. int addition wraps, so the order of
 * the terms cannot change the result.
 */
public final class DepthwiseConv2DKernel {
    private DepthwiseConv2DKernel() {}

    /** The reference kernel of int8 DEPTHWISE_CONV_2D: weights widened once per operator, output rows split for threads. */
    public static final OpKernel<DepthwiseConv2DParams> KERNEL = new Reference();

    private static final class Reference extends RowKernel<DepthwiseConv2DParams> implements RowRange<DepthwiseConv2DParams> {
        private final IdentityCache<DepthwiseConv2DParams, Prepared> weights = new IdentityCache<>();
        private final Function<DepthwiseConv2DParams, Prepared> make = DepthwiseConv2DKernel::prepare;

        @Override
        public void prepare(DepthwiseConv2DParams p) {
            reserve(p, weights.computeIfAbsent(p, make));
        }

        @Override
        protected void compute(DepthwiseConv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset, int from, int to) {
            depthwiseConv2d(p, weights.computeIfAbsent(p, make), input, inputOffset, output, outputOffset, from, to);
        }

        @Override
        public int inputRowFrom(DepthwiseConv2DParams p, int outputRow) {
            return ImageRows.inputFrom(outputRow, p.outputHeight(), p.inputHeight(), p.strideHeight(), p.padTop());
        }

        @Override
        public int inputRowTo(DepthwiseConv2DParams p, int outputRow) {
            return ImageRows.inputTo(outputRow, p.outputHeight(), p.inputHeight(), p.strideHeight(), p.padTop(),
                    (p.filterHeight() - 1) * p.dilationHeight() + 1);
        }
    }

    /** Geometry and weights of one operator, prepared once. */
    static final class Prepared {
        /** Ints in an output row: outputWidth * outputDepth. */
        final int rowLength;
        /** weights[fy * filterWidth + fx][j] = filter[fy][fx][j % outputDepth], j &lt; rowLength. */
        final int[][] weights;
        /** bias[j % outputDepth] (0 without bias), j &lt; rowLength. */
        final int[] biasRow;
        /**
         * Input phase r holds the input columns j * strideWidth + r - padLeft that lie inside the input,
         * each widened to outputDepth entries: entry o comes from input row element source[r][o]
         * (column, then channel (o % outputDepth) / depthMultiplier).
         */
        final int[][] source;
        /** The longest phase row. */
        final int phaseLength;
        /**
         * Filter column fx reads input column x * strideWidth + fx * dilationWidth - padLeft for output
         * column x; for x in [insideFrom[fx], insideTo[fx]) that is inside the input, a run of phase
         * phase[fx] starting at entry phaseStart[fx].
         */
        final int[] phase;
        final int[] phaseStart;
        final int[] insideFrom;
        final int[] insideTo;
        final Requantize requantize;

        Prepared(DepthwiseConv2DParams p) {
            final int filterWidth = p.filterWidth();
            final int stride = p.strideWidth();
            final int depth = p.outputDepth();
            rowLength = p.outputWidth() * depth;
            // Phases: first column index j inside the input, and how many columns.
            final int[] firstInside = new int[stride];
            source = new int[stride][];
            int longest = 0;
            for (int r = 0; r < stride; r++) {
                final int origin = r - p.padLeft();
                firstInside[r] = Conv2DKernel.tapStart(origin, stride);
                final int count = Math.max(0, Conv2DKernel.tapEnd(origin, stride, p.inputWidth(), Integer.MAX_VALUE) - firstInside[r]);
                source[r] = new int[count * depth];
                longest = Math.max(longest, count * depth);
                for (int o = 0; o < count * depth; o++) {
                    final int inX = origin + (firstInside[r] + o / depth) * stride;
                    source[r][o] = inX * p.inputDepth() + o % depth / p.depthMultiplier();
                }
            }
            phaseLength = longest;
            phase = new int[filterWidth];
            phaseStart = new int[filterWidth];
            insideFrom = new int[filterWidth];
            insideTo = new int[filterWidth];
            for (int fx = 0; fx < filterWidth; fx++) {
                // Output column x reads input column x * stride + origin (origin clamped: beyond the input is all padding).
                final int origin = (int) Math.min((long) fx * p.dilationWidth() - p.padLeft(), p.inputWidth());
                insideFrom[fx] = Math.min(p.outputWidth(), Conv2DKernel.tapStart(origin, stride));
                insideTo[fx] = Math.max(insideFrom[fx], Conv2DKernel.tapEnd(origin, stride, p.inputWidth(), p.outputWidth()));
                if (insideFrom[fx] < insideTo[fx]) {
                    // Input column inX is column (inX + padLeft) / stride of phase (inX + padLeft) % stride.
                    final long first = (long) insideFrom[fx] * stride + origin + p.padLeft();
                    phase[fx] = (int) (first % stride);
                    phaseStart[fx] = (int) (first / stride - firstInside[phase[fx]]) * depth;
                }
            }
            final int taps = p.filterHeight() * filterWidth;
            weights = new int[taps][rowLength];
            biasRow = new int[rowLength];
            for (int j = 0; j < rowLength; j++) {
                for (int t = 0; t < taps; t++) {
                    weights[t][j] = p.filter()[t * depth + j % depth];
                }
                biasRow[j] = p.bias() != null ? p.bias()[j % depth] : 0;
            }
            requantize = new Requantize(p.outputMultiplier(), p.outputShift(), p.outputOffset(),
                    p.activationMin(), p.activationMax());
        }
    }

    static Prepared prepare(DepthwiseConv2DParams p) {
        return new Prepared(p);
    }

    /** The input rows one output row reads lie within this many consecutive rows: row inY goes to slot inY % ringSize. */
    private static int ringSize(DepthwiseConv2DParams p) {
        return (int) Math.min((long) (p.filterHeight() - 1) * p.dilationHeight() + 1, p.inputHeight());
    }

    /** Sizes the calling thread's working arrays for this operator (called at prepare and by every run). */
    static Work reserve(DepthwiseConv2DParams p, Prepared w) {
        final Work work = Work.get();
        final int ringSize = ringSize(p);
        final int taps = p.filterHeight() * p.filterWidth();
        work.rows(Work.DW_TERMS, ringSize * p.filterWidth(), w.rowLength);
        work.row(Work.DW_SLOT_HOLDS, ringSize);
        work.rows(Work.DW_PHASES, p.strideWidth(), w.phaseLength);
        work.row(Work.DW_ACC, w.rowLength);
        work.row(Work.DW_WEIGHT_PICK, taps);
        work.row(Work.DW_TERM_PICK, taps);
        return work;
    }

    static void depthwiseConv2d(DepthwiseConv2DParams p, Prepared w, byte[] input, int inputOffset,
                                byte[] output, int outputOffset) {
        depthwiseConv2d(p, w, input, inputOffset, output, outputOffset, 0, p.batches() * p.outputHeight());
    }

    /** Output rows [rowFrom, rowTo) of batches x height (a part of a multi-threaded run; the ring starts empty). */
    static void depthwiseConv2d(DepthwiseConv2DParams p, Prepared w, byte[] input, int inputOffset,
                                byte[] output, int outputOffset, int rowFrom, int rowTo) {
        final int inputHeight = p.inputHeight();
        final int inputRowStride = p.inputWidth() * p.inputDepth();
        final int filterHeight = p.filterHeight();
        final int filterWidth = p.filterWidth();
        final int dilationHeight = p.dilationHeight();
        final int rowLength = w.rowLength;

        final int ringSize = ringSize(p);
        final Work work = reserve(p, w);
        final int[][] terms = work.table(Work.DW_TERMS);
        final int[] slotHolds = work.row(Work.DW_SLOT_HOLDS);
        final int[][] phases = work.table(Work.DW_PHASES);
        final int[] acc = work.row(Work.DW_ACC);
        final int[] weightPick = work.row(Work.DW_WEIGHT_PICK);
        final int[] termPick = work.row(Work.DW_TERM_PICK);
        final int outputHeight = p.outputHeight();
        int out = outputOffset + rowFrom * rowLength;
        for (int row = rowFrom; row < rowTo; row++) {
            final int b = row / outputHeight;
            final int outY = row - b * outputHeight;
            final int inputBatch = inputOffset + b * inputHeight * inputRowStride;
            if (row == rowFrom || outY == 0) {
                Arrays.fill(slotHolds, 0, ringSize, -1);
            }
            final int inYOrigin = outY * p.strideHeight() - p.padTop();
            final int fyStart = Conv2DKernel.tapStart(inYOrigin, dilationHeight);
            final int fyEnd = Conv2DKernel.tapEnd(inYOrigin, dilationHeight, inputHeight, filterHeight);
            int n = 0;
            for (int fy = fyStart; fy < fyEnd; fy++) {
                final int inY = inYOrigin + dilationHeight * fy;
                final int slot = inY % ringSize;
                if (slotHolds[slot] != inY) {
                    widenRow(p, w, input, inputBatch + inY * inputRowStride, phases, terms, slot * filterWidth);
                    slotHolds[slot] = inY;
                }
                for (int fx = 0; fx < filterWidth; fx++) {
                    weightPick[n] = fy * filterWidth + fx;
                    termPick[n++] = slot * filterWidth + fx;
                }
            }
            System.arraycopy(w.biasRow, 0, acc, 0, rowLength);
            IntRows.addProducts(acc, rowLength, w.weights, weightPick, terms, termPick, n);
            w.requantize.pixels(acc, p.outputWidth(), p.outputDepth(), output, out);
            out += rowLength;
        }
    }

    /**
     * terms[first + fx] = the input terms filter column fx reads from the input row at rowStart, for
     * every output column (0 in the padding). Widens the row once per phase, then copies runs of it.
     */
    private static void widenRow(DepthwiseConv2DParams p, Prepared w, byte[] input, int rowStart,
                                 int[][] phases, int[][] terms, int first) {
        final int inputZeroOffset = p.inputOffset();
        final int depth = p.outputDepth();
        for (int r = 0; r < p.strideWidth(); r++) {
            final int[] row = phases[r];
            final int[] source = w.source[r];
            for (int o = 0; o < source.length; o++) {
                row[o] = input[rowStart + source[o]] + inputZeroOffset;
            }
        }
        for (int fx = 0; fx < p.filterWidth(); fx++) {
            final int[] row = terms[first + fx];
            final int from = w.insideFrom[fx] * depth;
            final int to = w.insideTo[fx] * depth;
            Arrays.fill(row, 0, from, 0);
            System.arraycopy(phases[w.phase[fx]], w.phaseStart[fx], row, from, to - from);
            Arrays.fill(row, to, w.rowLength, 0);
        }
    }
}
