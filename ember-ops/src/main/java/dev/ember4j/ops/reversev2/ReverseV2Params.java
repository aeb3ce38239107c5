/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reversev2;

import dev.ember4j.core.ops.OperatorParams;

/**
 * REVERSE_V2 as an {@code outer x span x inner} view: the {@code span} blocks of {@code inner} elements
 * ({@code elementBytes} each) are written in reverse order; the reversed axes, being contiguous, are
 * flattened into {@code span}.
 */
public record ReverseV2Params(int outer, int span, int inner, int elementBytes) implements OperatorParams {
}
