/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.div;

import dev.ember4j.core.ops.OperatorParams;

/**
 * DIV of two float32 ({@code isFloat}) or two int32 tensors, the quotient clamped to the fused
 * activation's range ({@code floatMin..floatMax} or {@code intMin..intMax}, TFLite's
 * CalculateActivationRange). Rank-6 shapes with broadcast strides.
 */
public record DivParams(int[] outputShape, int[] strides1, int[] strides2, boolean isFloat,
                        int intMin, int intMax, float floatMin, float floatMax) implements OperatorParams {
}
