/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.quantize;

import dev.ember4j.core.ops.OperatorParams;

/**
 * QUANTIZE: float32 to an integer type ({@code fromFloat}: {@code round(x / scale) + zeroPoint}), or
 * one integer type to another ({@code (x - inputZeroPoint) * multiplier + outputZeroPoint}, TFLite's
 * double-rounding requantization). Element types are {@link dev.ember4j.ops.common.Elem} codes.
 */
public record QuantizeParams(int count, int fromFloat, float scale, int inputElem, int inputZeroPoint,
                             int outputElem, int outputZeroPoint, int multiplier, int shift) implements OperatorParams {
}
