/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.relu;

import dev.ember4j.core.ops.OperatorParams;

/**
 * TFLite's quantized ReluX for {@code count} int8 elements: {@code outputZeroPoint + (x - inputZeroPoint)
 * * M} with M = inputScale / outputScale = {@code multiplier * 2^(shift - 31)}, then raised to
 * {@code activationMin} and lowered to {@code activationMax} (in that order).
 */
public record ReluParams(int count, int inputZeroPoint, int outputZeroPoint, int multiplier, int shift,
                         int activationMin, int activationMax) implements OperatorParams {
}
