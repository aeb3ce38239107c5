/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.comparison;

import dev.ember4j.core.ops.OperatorParams;

/**
 * EQUAL, NOT_EQUAL, GREATER, GREATER_EQUAL, LESS or LESS_EQUAL ({@code op}, a {@link ComparisonKernel}
 * code) of two tensors of one {@code type} (a {@link ComparisonKernel} type code) into BOOL. int8 and
 * uint8 inputs are compared after TFLite's rescaling: {@code (x + offset) << leftShift} times the
 * input's own scale as a multiplier; other types compare as stored. Rank-6 shapes with broadcast strides.
 */
public record ComparisonParams(int[] outputShape, int[] strides1, int[] strides2, int type, int op,
                               int leftShift, int input1Offset, int input1Multiplier, int input1Shift,
                               int input2Offset, int input2Multiplier, int input2Shift) implements OperatorParams {
}
