/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.dequantize;

import dev.ember4j.core.ops.OperatorParams;

/** DEQUANTIZE of {@code count} elements of type {@code inputElem}: {@code (float) (scale * (x - zeroPoint))}. */
public record DequantizeParams(int count, int inputElem, double scale, int zeroPoint) implements OperatorParams {
}
