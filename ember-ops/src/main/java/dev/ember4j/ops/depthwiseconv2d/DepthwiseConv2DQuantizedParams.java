/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthwiseconv2d;

import dev.ember4j.core.ops.OperatorParams;

/**
 * DEPTHWISE_CONV_2D for int16 activations with int8 weights (16x8) and for legacy uint8. Weights
 * [1][filterHeight][filterWidth][outDepth], output channel {@code ic * depthMultiplier + m}.
 *
 * @param elem         activation type code of {@link dev.ember4j.ops.common.Elem} (INT16 or UINT8)
 * @param biasBits     0 (no bias), 32 or 64
 * @param bias         raw little-endian biases, or an empty array
 * @param wide         int64 accumulator and requantization (int16: TFLite's 16x8 kernel, bias or not)
 */
public record DepthwiseConv2DQuantizedParams(int elem, int batches, int inHeight, int inWidth, int inDepth,
                                             int outHeight, int outWidth, int outDepth, int depthMultiplier,
                                             int filterHeight, int filterWidth, int strideHeight, int strideWidth,
                                             int dilationHeight, int dilationWidth, int padTop, int padLeft,
                                             int inputOffset, int filterOffset, int outputOffset, byte[] filter,
                                             int biasBits, byte[] bias, boolean wide, int[] multiplier, int[] shift,
                                             int activationMin, int activationMax) implements OperatorParams {

    @Override
    public long macs() {
        return (long) batches * outHeight * outWidth * outDepth * filterHeight * filterWidth;
    }
}
