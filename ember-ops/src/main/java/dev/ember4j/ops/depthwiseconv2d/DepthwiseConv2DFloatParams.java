/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthwiseconv2d;

import dev.ember4j.core.ops.OperatorParams;

/**
 * DEPTHWISE_CONV_2D on float32 tensors: NHWC input, weights [1][filterHeight][filterWidth][outDepth] and
 * the optional bias as raw little-endian float32 bytes (an empty bias array: no bias);
 * outDepth = inDepth * depthMultiplier.
 */
public record DepthwiseConv2DFloatParams(int batches, int inHeight, int inWidth, int inDepth, int outHeight,
                                         int outWidth, int outDepth, int depthMultiplier, int filterHeight,
                                         int filterWidth, int strideHeight, int strideWidth, int dilationHeight,
                                         int dilationWidth, int padTop, int padLeft, byte[] filter, byte[] bias,
                                         float activationMin, float activationMax) implements OperatorParams {

    @Override
    public long macs() {
        return (long) batches * outHeight * outWidth * outDepth * filterHeight * filterWidth;
    }
}
