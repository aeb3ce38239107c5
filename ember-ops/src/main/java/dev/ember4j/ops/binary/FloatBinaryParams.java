/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.binary;

import dev.ember4j.core.ops.OperatorParams;

/**
 * A float32 element-wise binary operator ({@code op}: {@link FloatBinaryKernel#ADD}, SUB, MUL), inputs
 * broadcast onto the rank-6 output shape through their element strides, the result clamped to the fused
 * activation's float range.
 */
public record FloatBinaryParams(int op, int[] outputShape, int[] strides1, int[] strides2, float activationMin,
                                float activationMax) implements OperatorParams {
}
