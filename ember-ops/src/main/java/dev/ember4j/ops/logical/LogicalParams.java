/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logical;

import dev.ember4j.core.ops.OperatorParams;

/**
 * LOGICAL_AND ({@code or} false) or LOGICAL_OR of two BOOL tensors: rank-6 output shape and the inputs'
 * broadcast strides (elements).
 */
public record LogicalParams(int[] outputShape, int[] strides1, int[] strides2, boolean or) implements OperatorParams {
}
