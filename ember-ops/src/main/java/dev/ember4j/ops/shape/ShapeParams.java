/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.shape;

import dev.ember4j.core.ops.OperatorParams;

/** SHAPE: the output's bytes (the input's dimensions as int32 or int64), known at prepare. */
public record ShapeParams(byte[] data) implements OperatorParams {
}
