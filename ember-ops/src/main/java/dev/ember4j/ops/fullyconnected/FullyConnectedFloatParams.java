/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fullyconnected;

import dev.ember4j.core.ops.OperatorParams;

/**
 * FULLY_CONNECTED on float32 tensors: {@code rows} input rows of {@code depth} values, weights
 * [outDepth][depth] and the optional bias as raw little-endian float32 bytes (empty: no bias).
 */
public record FullyConnectedFloatParams(int rows, int depth, int outDepth, byte[] weights, byte[] bias,
                                        float activationMin, float activationMax) implements OperatorParams {

    @Override
    public long macs() {
        return (long) rows * depth * outDepth;
    }
}
