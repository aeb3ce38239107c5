/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.leakyrelu;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Quantized LEAKY_RELU of {@code count} int8 elements: {@code d = x - inputZeroPoint}, then
 * {@code outputZeroPoint + d * M}, clamped to int8, where M is the identity multiplier
 * (inputScale / outputScale) for {@code d >= 0} and the alpha multiplier (inputScale * alpha /
 * outputScale) otherwise; each is {@code multiplier * 2^(shift - 31)}.
 */
public record LeakyReluParams(int count, int inputZeroPoint, int outputZeroPoint,
                              int identityMultiplier, int identityShift,
                              int alphaMultiplier, int alphaShift) implements OperatorParams {
}
