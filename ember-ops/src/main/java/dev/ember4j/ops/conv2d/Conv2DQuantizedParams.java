/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.conv2d;

import dev.ember4j.core.ops.OperatorParams;

/**
 * CONV_2D for int16 activations with int8 weights (16x8) and for legacy uint8 (asymmetric uint8
 * weights and activations). NHWC input, weights [outDepth][filterHeight][filterWidth][inDepth].
 *
 * @param elem         activation type code of {@link dev.ember4j.ops.common.Elem} (INT16 or UINT8); the
 *                     weights are int8 for INT16, uint8 for UINT8
 * @param inputOffset  negated input zero point (0 for int16)
 * @param filterOffset negated weights zero point (0 for int16)
 * @param biasBits     0 (no bias), 32 or 64: int64 biases accumulate and requantize in 64 bits as
 *                     TFLite's 16x8 kernel does, otherwise the accumulator is int32
 * @param bias         raw little-endian biases of {@code biasBits} bits, or an empty array
 */
public record Conv2DQuantizedParams(int elem, int batches, int inHeight, int inWidth, int inDepth,
                                    int outHeight, int outWidth, int outDepth, int filterHeight, int filterWidth,
                                    int strideHeight, int strideWidth, int dilationHeight, int dilationWidth,
                                    int padTop, int padLeft, int inputOffset, int filterOffset, int outputOffset,
                                    byte[] filter, int biasBits, byte[] bias, int[] multiplier, int[] shift,
                                    int activationMin, int activationMax) implements OperatorParams {

    @Override
    public long macs() {
        return (long) batches * outHeight * outWidth * outDepth * filterHeight * filterWidth * inDepth;
    }
}
