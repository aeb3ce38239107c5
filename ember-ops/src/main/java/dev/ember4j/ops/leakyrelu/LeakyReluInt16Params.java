/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.leakyrelu;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Quantized LEAKY_RELU of {@code count} int16 elements, as {@link LeakyReluParams} but clamped to int16
 * (TFLite's QuantizeLeakyRelu&lt;int16_t&gt;).
 */
public record LeakyReluInt16Params(int count, int inputZeroPoint, int outputZeroPoint,
                                   int identityMultiplier, int identityShift,
                                   int alphaMultiplier, int alphaShift) implements OperatorParams {
}
