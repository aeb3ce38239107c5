/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transposeconv;

import dev.ember4j.core.ops.OperatorParams;

/**
 * int8 TRANSPOSE_CONV: input {@code [N, inHeight, inWidth, inDepth]}, constant weights
 * {@code [outDepth, filterHeight, filterWidth, inDepth]} (OHWI), output
 * {@code [N, outHeight, outWidth, outDepth]}. Every input pixel scatters {@code (x + inputOffset) * w}
 * into int32 accumulators (the scratch), which then get the bias (when {@code hasBias}), the per-channel
 * requantization, the output offset and the activation clamp.
 */
public record TransposeConvParams(int batches, int inHeight, int inWidth, int inDepth,
                                  int outHeight, int outWidth, int outDepth, int filterHeight, int filterWidth,
                                  int strideHeight, int strideWidth, int padHeight, int padWidth,
                                  int inputOffset, int outputOffset, byte[] weights, boolean hasBias, int[] bias,
                                  int[] multiplier, int[] shift, int activationMin, int activationMax)
        implements OperatorParams {

    @Override
    public long macs() {
        return (long) batches * inHeight * inWidth * inDepth * filterHeight * filterWidth * outDepth;
    }

    /** One int32 accumulator per output element. */
    @Override
    public int scratchBytes() {
        return 4 * batches * outHeight * outWidth * outDepth;
    }
}
