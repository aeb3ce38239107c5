/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.prelu;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Quantized PRELU over a rank-6 iteration of the output (= input) shape, alpha broadcast by its strides:
 * {@code d = x + inputOffset}; {@code d >= 0} gives {@code d * M1}, else {@code d * (a + alphaOffset) * M2};
 * plus the output offset, clamped to int8. M1 = inputScale / outputScale, M2 = inputScale * alphaScale /
 * outputScale, each {@code multiplier * 2^(shift - 31)}.
 */
public record PreluParams(int[] outputShape, int[] inputStrides, int[] alphaStrides,
                          int inputOffset, int alphaOffset, int outputOffset,
                          int multiplier1, int shift1, int multiplier2, int shift2) implements OperatorParams {

    @Override
    public long macs() {
        long n = 1;
        for (int d : outputShape) {
            n *= d;
        }
        return n;
    }
}
