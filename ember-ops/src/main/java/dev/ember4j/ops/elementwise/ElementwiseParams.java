/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elementwise;

import dev.ember4j.core.ops.OperatorParams;

/**
 * An unquantized element-wise function of {@code count} elements: {@code fn} is one of the
 * {@link ElementwiseKernel} function codes, {@code type} one of its type codes (input and output alike).
 */
public record ElementwiseParams(int count, int fn, int type) implements OperatorParams {
}
