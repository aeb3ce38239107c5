/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.concatenation;

import dev.ember4j.core.ops.OperatorParams;

/**
 * CONCATENATION as TFLite's reference Concatenation copies it: for each of {@code outer} blocks (the
 * product of the dimensions before the axis), input i contributes {@code copyBytes[i]} contiguous
 * bytes (its axis dimension times the product of the dimensions after the axis, times the element
 * size), inputs in order.
 */
public record ConcatenationParams(int outer, int[] copyBytes) implements OperatorParams {
}
