/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.hardswish;

import dev.ember4j.core.ops.OperatorParams;

/**
 * TFLite's HardSwishParams for {@code count} int8 elements: int16 fixed-point multipliers (Q0.15) and
 * exponents of the output rescaling (hires input scale / output scale, exponent &lt;= 0) and of the
 * "relu-ish" rescaling (hires input scale / (3 / 32768)).
 */
public record HardSwishParams(int count, int inputZeroPoint, int outputZeroPoint,
                              int outputMultiplier, int outputExponent,
                              int reluishMultiplier, int reluishExponent) implements OperatorParams {
}
