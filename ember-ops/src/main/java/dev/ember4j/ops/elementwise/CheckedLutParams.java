/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elementwise;

import dev.ember4j.core.ops.OperatorParams;

/**
 * An int8 element-wise function as a 256-entry table whose inputs below {@code minValid} are outside
 * the function's domain: TFLite fails the invocation on such an input (SQRT of a negative value,
 * RSQRT below the zero point); this kernel reads it as {@code minValid} (see {@link CheckedLutKernel}). {@code op} is the BuiltinOperator ordinal,
 * for the message.
 */
public record CheckedLutParams(int count, byte[] table, int minValid, int op) implements OperatorParams {
}
