/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.cast;

import dev.ember4j.core.ops.OperatorParams;

/** CAST of {@code count} elements from one {@link CastKernel} type code to another. */
public record CastParams(int count, int from, int to) implements OperatorParams {
}
