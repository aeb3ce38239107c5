/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transposeconv;

import dev.ember4j.core.ops.OperatorParams;

/**
 * 16x8 TRANSPOSE_CONV: int16 input {@code [N, inHeight, inWidth, inDepth]} (zero point 0), constant int8
 * OHWI weights, optional int64 bias (raw little-endian bytes in {@code bias}), int16 output. Every input
 * pixel scatters {@code x * w} into int64 accumulators (the scratch), which then get the bias, the int64
 * per-channel requantization and the activation clamp.
 */
public record TransposeConvInt16Params(int batches, int inHeight, int inWidth, int inDepth,
                                       int outHeight, int outWidth, int outDepth, int filterHeight, int filterWidth,
                                       int strideHeight, int strideWidth, int padHeight, int padWidth,
                                       byte[] weights, boolean hasBias, byte[] bias,
                                       int[] multiplier, int[] shift, int activationMin, int activationMax)
        implements OperatorParams {

    @Override
    public long macs() {
        return (long) batches * inHeight * inWidth * inDepth * filterHeight * filterWidth * outDepth;
    }

    /** One int64 accumulator per output element. */
    @Override
    public int scratchBytes() {
        return 8 * batches * outHeight * outWidth * outDepth;
    }
}
