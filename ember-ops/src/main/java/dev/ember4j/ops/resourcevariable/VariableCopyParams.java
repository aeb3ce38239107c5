/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resourcevariable;

import dev.ember4j.core.ops.OperatorParams;

/** READ_VARIABLE / ASSIGN_VARIABLE: {@code bytes} bytes copied between a variable's storage and a tensor. */
public record VariableCopyParams(int bytes) implements OperatorParams {
}
