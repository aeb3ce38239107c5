/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fullyconnected;

import dev.ember4j.core.ops.OperatorParams;

/**
 * FULLY_CONNECTED for int16 activations with int8 weights (16x8) and for legacy uint8: rows of
 * {@code depth} inputs times weights [outDepth][depth].
 *
 * @param elem         activation type code of {@link dev.ember4j.ops.common.Elem} (INT16 or UINT8); weights
 *                     are int8 for INT16, uint8 for UINT8
 * @param biasBits     0 (no bias), 32 or 64 (int64 bias: int64 accumulator and requantization)
 * @param bias         raw little-endian biases, or an empty array
 * @param multiplier   one per output channel, or a single one
 * @param singleRounding int32 accumulators requantize with one rounding (TFLite 2.21's reference
 *                     FULLY_CONNECTED) rather than gemmlowp's two
 */
public record FullyConnectedQuantizedParams(int elem, int rows, int depth, int outDepth, int inputOffset,
                                            int filterOffset, int outputOffset, byte[] filter, int biasBits,
                                            byte[] bias, int[] multiplier, int[] shift, boolean singleRounding,
                                            int activationMin, int activationMax) implements OperatorParams {

    @Override
    public long macs() {
        return (long) rows * depth * outDepth;
    }
}
