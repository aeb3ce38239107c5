/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fill;

import dev.ember4j.core.ops.OperatorParams;

/** FILL: {@code count} copies of the value's {@code elemBytes} bytes. */
public record FillParams(int elemBytes, int count) implements OperatorParams {
}
