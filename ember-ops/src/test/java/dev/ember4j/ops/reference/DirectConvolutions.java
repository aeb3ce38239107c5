/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import dev.ember4j.core.quant.FixedPoint;

/**
 * The direct scalar CONV_2D and DEPTHWISE_CONV_2D loops the reference backend used before its
 * kernels were rearranged for speed (one output value at a time, taps in filter order); kept as an
 * independent oracle for {@link ConvolutionDifferentialTest}. One change: the tap ranges are computed
 * in long, since the int version overflowed for dilations near 2^30 and then skipped taps inside the input.
 */
final class DirectConvolutions {
    private DirectConvolutions() {}

    static void conv2d(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        final int batches = p.batches();
        final int inputHeight = p.inputHeight();
        final int inputWidth = p.inputWidth();
        final int inputDepth = p.inputDepth();
        final int outputHeight = p.outputHeight();
        final int outputWidth = p.outputWidth();
        final int outputDepth = p.outputDepth();
        final int filterHeight = p.filterHeight();
        final int filterWidth = p.filterWidth();
        final int strideHeight = p.strideHeight();
        final int strideWidth = p.strideWidth();
        final int dilationHeight = p.dilationHeight();
        final int dilationWidth = p.dilationWidth();
        final int padTop = p.padTop();
        final int padLeft = p.padLeft();
        final int inputZeroOffset = p.inputOffset();
        final int outputZeroOffset = p.outputOffset();
        final byte[] filter = p.filter();
        final int[] bias = p.bias();
        final int[] multiplier = p.outputMultiplier();
        final int[] shift = p.outputShift();
        final int activationMin = p.activationMin();
        final int activationMax = p.activationMax();

        final int inputRowStride = inputWidth * inputDepth;
        final int inputBatchStride = inputHeight * inputRowStride;
        final int filterRowStride = filterWidth * inputDepth;
        final int filterChannelStride = filterHeight * filterRowStride;

        int out = outputOffset;
        for (int b = 0; b < batches; b++) {
            final int inputBatch = inputOffset + b * inputBatchStride;
            for (int outY = 0; outY < outputHeight; outY++) {
                final int inYOrigin = outY * strideHeight - padTop;
                // Filter rows that fall inside the input; the rest are padding and contribute nothing.
                final int fyStart = tapStart(inYOrigin, dilationHeight);
                final int fyEnd = tapEnd(inYOrigin, dilationHeight, inputHeight, filterHeight);
                for (int outX = 0; outX < outputWidth; outX++) {
                    final int inXOrigin = outX * strideWidth - padLeft;
                    final int fxStart = tapStart(inXOrigin, dilationWidth);
                    final int fxEnd = tapEnd(inXOrigin, dilationWidth, inputWidth, filterWidth);
                    int outC = 0;
                    // Four output channels at a time share each input value. With dilation width 1 the
                    // taps fxStart..fxEnd of a filter row are one contiguous run in input and filter.
                    for (; outC + 4 <= outputDepth && dilationWidth == 1; outC += 4) {
                        int acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            final int inY = inYOrigin + dilationHeight * fy;
                            final int in = inputBatch + inY * inputRowStride + (inXOrigin + fxStart) * inputDepth;
                            final int f0 = outC * filterChannelStride + fy * filterRowStride + fxStart * inputDepth;
                            final int f1 = f0 + filterChannelStride;
                            final int f2 = f1 + filterChannelStride;
                            final int f3 = f2 + filterChannelStride;
                            final int n = (fxEnd - fxStart) * inputDepth;
                            for (int i = 0; i < n; i++) {
                                final int x = input[in + i] + inputZeroOffset;
                                acc0 += filter[f0 + i] * x;
                                acc1 += filter[f1 + i] * x;
                                acc2 += filter[f2 + i] * x;
                                acc3 += filter[f3 + i] * x;
                            }
                        }
                        output[out++] = requantize(acc0, outC, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                        output[out++] = requantize(acc1, outC + 1, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                        output[out++] = requantize(acc2, outC + 2, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                        output[out++] = requantize(acc3, outC + 3, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                    }
                    for (; outC < outputDepth; outC++) {
                        final int filterChannel = outC * filterChannelStride;
                        int acc = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            final int inY = inYOrigin + dilationHeight * fy;
                            final int inputRow = inputBatch + inY * inputRowStride;
                            final int filterRow = filterChannel + fy * filterRowStride;
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                final int inX = inXOrigin + dilationWidth * fx;
                                acc += dot(filter, filterRow + fx * inputDepth,
                                        input, inputRow + inX * inputDepth, inputDepth, inputZeroOffset);
                            }
                        }
                        output[out++] = requantize(acc, outC, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                    }
                }
            }
        }
    }

    /** Bias, per-channel requantization, output zero point and activation clamp. */
    private static byte requantize(int acc, int outC, int[] bias, int[] multiplier, int[] shift,
                                   int outputZeroOffset, int activationMin, int activationMax) {
        if (bias != null) {
            acc += bias[outC];
        }
        acc = FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier[outC], shift[outC]);
        acc += outputZeroOffset;
        return (byte) Math.min(Math.max(acc, activationMin), activationMax);
    }

    /** sum(filter[f + i] * (input[in + i] + inputZeroOffset)) for i in [0, n). */
    static int dot(byte[] filter, int f, byte[] input, int in, int n, int inputZeroOffset) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            acc += filter[f + i] * (input[in + i] + inputZeroOffset);
        }
        return acc;
    }

    /** The first filter tap {@code t} with {@code origin + dilation * t >= 0}. */
    static int tapStart(int origin, int dilation) {
        return origin >= 0 ? 0 : (int) ((-(long) origin + dilation - 1) / dilation);
    }

    /** One past the last filter tap {@code t < filterSize} with {@code origin + dilation * t < size}. */
    static int tapEnd(int origin, int dilation, int size, int filterSize) {
        final long room = (long) size - origin;
        return room <= 0 ? 0 : (int) Math.min(filterSize, (room + dilation - 1) / dilation);
    }

    static void depthwiseConv2d(DepthwiseConv2DParams p, byte[] input, int inputOffset,
                                byte[] output, int outputOffset) {
        final int batches = p.batches();
        final int inputHeight = p.inputHeight();
        final int inputWidth = p.inputWidth();
        final int inputDepth = p.inputDepth();
        final int outputHeight = p.outputHeight();
        final int outputWidth = p.outputWidth();
        final int outputDepth = p.outputDepth();
        final int depthMultiplier = p.depthMultiplier();
        final int filterHeight = p.filterHeight();
        final int filterWidth = p.filterWidth();
        final int strideHeight = p.strideHeight();
        final int strideWidth = p.strideWidth();
        final int dilationHeight = p.dilationHeight();
        final int dilationWidth = p.dilationWidth();
        final int padTop = p.padTop();
        final int padLeft = p.padLeft();
        final int inputZeroOffset = p.inputOffset();
        final int outputZeroOffset = p.outputOffset();
        final byte[] filter = p.filter();
        final int[] bias = p.bias();
        final int[] multiplier = p.outputMultiplier();
        final int[] shift = p.outputShift();
        final int activationMin = p.activationMin();
        final int activationMax = p.activationMax();

        final int inputRowStride = inputWidth * inputDepth;
        final int inputBatchStride = inputHeight * inputRowStride;
        final int filterRowStride = filterWidth * outputDepth;

        int out = outputOffset;
        for (int b = 0; b < batches; b++) {
            final int inputBatch = inputOffset + b * inputBatchStride;
            for (int outY = 0; outY < outputHeight; outY++) {
                final int inYOrigin = outY * strideHeight - padTop;
                // Filter rows and columns inside the input; padding taps contribute nothing.
                final int fyStart = tapStart(inYOrigin, dilationHeight);
                final int fyEnd = tapEnd(inYOrigin, dilationHeight, inputHeight, filterHeight);
                for (int outX = 0; outX < outputWidth; outX++) {
                    final int inXOrigin = outX * strideWidth - padLeft;
                    final int fxStart = tapStart(inXOrigin, dilationWidth);
                    final int fxEnd = tapEnd(inXOrigin, dilationWidth, inputWidth, filterWidth);
                    int outC = 0;
                    // Four consecutive output channels at a time: their filter taps are adjacent and
                    // their input channels (outC / depthMultiplier) adjacent or equal.
                    for (; outC + 4 <= outputDepth; outC += 4) {
                        final int ic0 = outC / depthMultiplier;
                        final int ic1 = (outC + 1) / depthMultiplier;
                        final int ic2 = (outC + 2) / depthMultiplier;
                        final int ic3 = (outC + 3) / depthMultiplier;
                        int acc0 = 0, acc1 = 0, acc2 = 0, acc3 = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            final int inY = inYOrigin + dilationHeight * fy;
                            final int inputRow = inputBatch + inY * inputRowStride;
                            final int filterRow = fy * filterRowStride + outC;
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                final int in = inputRow + (inXOrigin + dilationWidth * fx) * inputDepth;
                                final int f = filterRow + fx * outputDepth;
                                acc0 += filter[f] * (input[in + ic0] + inputZeroOffset);
                                acc1 += filter[f + 1] * (input[in + ic1] + inputZeroOffset);
                                acc2 += filter[f + 2] * (input[in + ic2] + inputZeroOffset);
                                acc3 += filter[f + 3] * (input[in + ic3] + inputZeroOffset);
                            }
                        }
                        output[out++] = requantizeDepthwise(acc0, outC, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                        output[out++] = requantizeDepthwise(acc1, outC + 1, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                        output[out++] = requantizeDepthwise(acc2, outC + 2, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                        output[out++] = requantizeDepthwise(acc3, outC + 3, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                    }
                    // Remaining channels one by one; output channel outC filters input channel outC / depthMultiplier.
                    for (; outC < outputDepth; outC++) {
                        final int ic = outC / depthMultiplier;
                        int acc = 0;
                        for (int fy = fyStart; fy < fyEnd; fy++) {
                            final int inY = inYOrigin + dilationHeight * fy;
                            final int inputRow = inputBatch + inY * inputRowStride + ic;
                            final int filterRow = fy * filterRowStride + outC;
                            for (int fx = fxStart; fx < fxEnd; fx++) {
                                final int inX = inXOrigin + dilationWidth * fx;
                                acc += filter[filterRow + fx * outputDepth]
                                        * (input[inputRow + inX * inputDepth] + inputZeroOffset);
                            }
                        }
                        output[out++] = requantizeDepthwise(acc, outC, bias, multiplier, shift, outputZeroOffset, activationMin, activationMax);
                    }
                }
            }
        }
    }

    /** Bias, per-channel requantization, output zero point and activation clamp. */
    private static byte requantizeDepthwise(int acc, int outC, int[] bias, int[] multiplier, int[] shift,
                                   int outputZeroOffset, int activationMin, int activationMax) {
        if (bias != null) {
            acc += bias[outC];
        }
        acc = FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier[outC], shift[outC]);
        acc += outputZeroOffset;
        return (byte) Math.min(Math.max(acc, activationMin), activationMax);
    }
}
