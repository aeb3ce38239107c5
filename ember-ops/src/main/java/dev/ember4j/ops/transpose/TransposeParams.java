/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transpose;

import dev.ember4j.core.ops.OperatorParams;

/** TRANSPOSE as a {@link dev.ember4j.ops.copy.StridedCopy} plan gathering the input in output order. */
public record TransposeParams(int[] plan) implements OperatorParams {
}
