/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.ops.OperatorParams;

/**
 * An int8 element-wise function as a 256-entry table: {@code out[i] = table[in[i] & 0xff]} for
 * {@code count} elements (TFLite's EvalUsingLookupTable).
 */
public record LutParams(int count, byte[] table) implements OperatorParams {
}
