/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mean;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Quantized int8 MEAN (TFLite 2.21's reference QuantizedMeanOrSum with compute_sum false). The input,
 * right-aligned in six dimensions ({@code shape}), is summed into int32 accumulators, one per output
 * element, at {@code sum(index[d] * outStrides[d])}; each output is then
 * {@code clamp(outputZeroPoint + MBQM(sum - inputZeroPoint * count, multiplier, shift))} where
 * {@code multiplier * 2^(shift-31)} is {@code inputScale / outputScale / count} as TFLite folds it.
 */
public record MeanParams(int[] shape, int[] outStrides, int outputCount, int count, int inputZeroPoint,
                         int outputZeroPoint, int multiplier, int shift) implements OperatorParams {

    @Override
    public int scratchBytes() {
        return 4 * outputCount;
    }

    @Override
    public long macs() {
        return (long) outputCount * count;
    }
}
