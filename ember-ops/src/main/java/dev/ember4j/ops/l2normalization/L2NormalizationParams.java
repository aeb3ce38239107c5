/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.l2normalization;

import dev.ember4j.core.ops.OperatorParams;

/**
 * int8 L2_NORMALIZATION along the last axis: {@code outer} rows of {@code depth} values, input zero
 * point {@code inputZeroPoint}; the output is quantized with scale 1/128 and zero point 0.
 */
public record L2NormalizationParams(int outer, int depth, int inputZeroPoint) implements OperatorParams {

    @Override
    public long macs() {
        return 2L * outer * depth;
    }
}
