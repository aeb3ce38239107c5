/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unpack;

import dev.ember4j.core.ops.OperatorParams;

/** UNPACK: a {@link dev.ember4j.ops.moves.CopyProgram} of strided box copies. */
public record UnpackParams(int[] program) implements OperatorParams {
}
