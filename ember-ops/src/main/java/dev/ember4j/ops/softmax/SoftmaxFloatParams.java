/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.ops.OperatorParams;

/** SOFTMAX on float32 tensors: {@code outer} rows of {@code depth} values, SoftmaxOptions' beta. */
public record SoftmaxFloatParams(int outer, int depth, float beta) implements OperatorParams {
}
