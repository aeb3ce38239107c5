/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sum;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Rescaling int8 SUM as TFLite 2.21's reference kernel computes it. Its reduce.cc hands the int8
 * tensors to reference_ops::QuantizedMeanOrSum through uint8 pointers (tensorflow/tensorflow issue
 * 102490, unfixed there), so each input byte counts as unsigned (0..255) and each output is
 * {@code clamp(outputZeroPoint + MBQM(sum - inputZeroPoint * count, multiplier, shift), 0, 255)}
 * stored as its low byte, with {@code multiplier * 2^(shift-31) = inputScale / outputScale}.
 * Geometry as in {@link dev.ember4j.ops.reduce.Reduction}.
 */
public record SumParams(int[] shape, int[] outStrides, int outputCount, int count, int inputZeroPoint,
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
