/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.splitv;

import dev.ember4j.core.ops.OperatorParams;

/** SPLIT_V: a {@link dev.ember4j.ops.moves.CopyProgram} of strided box copies. */
public record SplitVParams(int[] program) implements OperatorParams {
}
