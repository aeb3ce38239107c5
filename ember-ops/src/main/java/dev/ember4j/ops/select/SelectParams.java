/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.select;

import dev.ember4j.core.ops.OperatorParams;

/**
 * SELECT / SELECT_V2: {@code out = condition ? x : y} per element, copying {@code elemBytes}-byte
 * elements as stored (TFLite ignores quantization). Rank-6 output shape; strides of the condition, x
 * and y in elements (0 on broadcast dimensions).
 */
public record SelectParams(int[] outputShape, int[] conditionStrides, int[] xStrides, int[] yStrides,
                           int elemBytes) implements OperatorParams {
}
