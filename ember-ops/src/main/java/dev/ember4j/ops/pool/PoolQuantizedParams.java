/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.OperatorParams;

/**
 * AVERAGE_POOL_2D and MAX_POOL_2D on int16 (16x8: zero point 0) or uint8 NHWC ({@code elem}, a
 * {@link dev.ember4j.ops.common.Elem} code), input and output quantized alike, the window clipped to the input;
 * {@code activationMin..activationMax} is the fused activation's range in the tensor type.
 */
public record PoolQuantizedParams(int elem, int batches, int inputHeight, int inputWidth, int depth,
                                  int outputHeight, int outputWidth, int filterHeight, int filterWidth,
                                  int strideHeight, int strideWidth, int padTop, int padLeft, int activationMin,
                                  int activationMax) implements OperatorParams {

    @Override
    public long macs() {
        return (long) batches * outputHeight * outputWidth * depth * filterHeight * filterWidth;
    }
}
