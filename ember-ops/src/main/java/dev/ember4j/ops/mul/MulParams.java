/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mul;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Quantized MUL: {@code out = outputOffset + (x1 + input1Offset) * (x2 + input2Offset) * M}, clamped to
 * the activation range, where M = scale1 * scale2 / outputScale is {@code multiplier * 2^(shift-31)}.
 * {@code elem} is the {@link dev.ember4j.ops.common.Elem} code of all three tensors.
 */
public record MulParams(int[] outputShape, int[] strides1, int[] strides2, int elem,
                        int input1Offset, int input2Offset, int outputOffset, int multiplier, int shift,
                        int activationMin, int activationMax) implements OperatorParams {

    @Override
    public long macs() {
        long n = 1;
        for (int d : outputShape) {
            n *= d;
        }
        return n;
    }
}
