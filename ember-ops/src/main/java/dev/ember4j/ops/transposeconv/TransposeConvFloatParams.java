/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transposeconv;

import dev.ember4j.core.ops.OperatorParams;

/**
 * float32 TRANSPOSE_CONV: NHWC input, OHWI weights and the optional bias as raw little-endian float32 bytes
 * (an empty bias: none). The output itself holds the scattered sums, so no scratch is needed.
 */
public record TransposeConvFloatParams(int batches, int inHeight, int inWidth, int inDepth,
                                       int outHeight, int outWidth, int outDepth, int filterHeight, int filterWidth,
                                       int strideHeight, int strideWidth, int padHeight, int padWidth,
                                       byte[] weights, byte[] bias, float activationMin, float activationMax)
        implements OperatorParams {

    @Override
    public long macs() {
        return (long) batches * inHeight * inWidth * inDepth * filterHeight * filterWidth * outDepth;
    }
}
