/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logical;

import dev.ember4j.core.ops.OperatorParams;

/** LOGICAL_NOT of {@code count} BOOL elements. */
public record NotParams(int count) implements OperatorParams {
}
