/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.addn;

import dev.ember4j.core.ops.OperatorParams;

/** ADD_N of {@code inputs} float32 ({@code isFloat}) or int32 tensors of {@code count} elements each. */
public record AddNParams(int count, int inputs, boolean isFloat) implements OperatorParams {
}
