/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.common.ImageRows;
import dev.ember4j.ops.pool.PoolParams;

/**
 * AVERAGE_POOL_2D and MAX_POOL_2D, int8 NHWC, as TFLite's reference_integer_ops pooling: the window
 * is clipped to the input, so padding never counts towards the average.
 */
public final class PoolKernels {
    private PoolKernels() {}

    /** The reference kernel of int8 AVERAGE_POOL_2D. */
    public static final OpKernel<PoolParams> AVERAGE = (p, in, out, arena, scratch) -> {
        byte[] input = in[0].array(arena);
        byte[] output = out[0].array(arena);
        ImageRows.check(input, in[0].start(), p.inputSize(), output, out[0].start(), p.outputSize(), 0, 0, 0);
        averagePool2d(p, input, in[0].start(), output, out[0].start());
    };

    /** The reference kernel of int8 MAX_POOL_2D. */
    public static final OpKernel<PoolParams> MAX = (p, in, out, arena, scratch) -> {
        byte[] input = in[0].array(arena);
        byte[] output = out[0].array(arena);
        ImageRows.check(input, in[0].start(), p.inputSize(), output, out[0].start(), p.outputSize(), 0, 0, 0);
        maxPool2d(p, input, in[0].start(), output, out[0].start());
    };

    static void averagePool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        final int batches = p.batches();
        final int inputHeight = p.inputHeight();
        final int inputWidth = p.inputWidth();
        final int depth = p.depth();
        final int outputHeight = p.outputHeight();
        final int outputWidth = p.outputWidth();
        final int filterHeight = p.filterHeight();
        final int filterWidth = p.filterWidth();
        final int strideHeight = p.strideHeight();
        final int strideWidth = p.strideWidth();
        final int padTop = p.padTop();
        final int padLeft = p.padLeft();
        final int activationMin = p.activationMin();
        final int activationMax = p.activationMax();

        final int inputRowStride = inputWidth * depth;
        final int inputBatchStride = inputHeight * inputRowStride;

        int out = outputOffset;
        for (int b = 0; b < batches; b++) {
            final int inputBatch = inputOffset + b * inputBatchStride;
            for (int outY = 0; outY < outputHeight; outY++) {
                final int inYOrigin = outY * strideHeight - padTop;
                final int fyStart = Math.max(0, -inYOrigin);
                final int fyEnd = Math.min(filterHeight, inputHeight - inYOrigin);
                for (int outX = 0; outX < outputWidth; outX++) {
                    final int inXOrigin = outX * strideWidth - padLeft;
                    final int fxStart = Math.max(0, -inXOrigin);
                    final int fxEnd = Math.min(filterWidth, inputWidth - inXOrigin);
                    final int count = Math.max(0, fyEnd - fyStart) * Math.max(0, fxEnd - fxStart);
                    final int window = inputBatch + inYOrigin * inputRowStride + inXOrigin * depth;
                    for (int c = 0; c < depth; c++) {
                        int acc = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            final int row = window + fy * inputRowStride + c;
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                acc += input[row + fx * depth];
                            }
                        }
                        int avg;
                        if (count == 0) {
                            avg = 0; // an empty window: TFLite reports an error; write the clamped zero
                        } else if (acc > 0) {
                            avg = (acc + count / 2) / count;
                        } else {
                            avg = (acc - count / 2) / count;
                        }
                        output[out++] = (byte) Math.min(Math.max(avg, activationMin), activationMax);
                    }
                }
            }
        }
    }

    static void maxPool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        final int batches = p.batches();
        final int inputHeight = p.inputHeight();
        final int inputWidth = p.inputWidth();
        final int depth = p.depth();
        final int outputHeight = p.outputHeight();
        final int outputWidth = p.outputWidth();
        final int filterHeight = p.filterHeight();
        final int filterWidth = p.filterWidth();
        final int strideHeight = p.strideHeight();
        final int strideWidth = p.strideWidth();
        final int padTop = p.padTop();
        final int padLeft = p.padLeft();
        final int activationMin = p.activationMin();
        final int activationMax = p.activationMax();

        final int inputRowStride = inputWidth * depth;
        final int inputBatchStride = inputHeight * inputRowStride;

        int out = outputOffset;
        for (int b = 0; b < batches; b++) {
            final int inputBatch = inputOffset + b * inputBatchStride;
            for (int outY = 0; outY < outputHeight; outY++) {
                final int inYOrigin = outY * strideHeight - padTop;
                final int fyStart = Math.max(0, -inYOrigin);
                final int fyEnd = Math.min(filterHeight, inputHeight - inYOrigin);
                for (int outX = 0; outX < outputWidth; outX++) {
                    final int inXOrigin = outX * strideWidth - padLeft;
                    final int fxStart = Math.max(0, -inXOrigin);
                    final int fxEnd = Math.min(filterWidth, inputWidth - inXOrigin);
                    final int window = inputBatch + inYOrigin * inputRowStride + inXOrigin * depth;
                    for (int c = 0; c < depth; c++) {
                        int max = -128;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            final int row = window + fy * inputRowStride + c;
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                max = Math.max(max, input[row + fx * depth]);
                            }
                        }
                        output[out++] = (byte) Math.min(Math.max(max, activationMin), activationMax);
                    }
                }
            }
        }
    }
}
