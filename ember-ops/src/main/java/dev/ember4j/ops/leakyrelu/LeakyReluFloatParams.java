/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.leakyrelu;

import dev.ember4j.core.ops.OperatorParams;

/** LEAKY_RELU on {@code count} float32 values with LeakyReluOptions' alpha. */
public record LeakyReluFloatParams(int count, float alpha) implements OperatorParams {
}
