/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pack;

import dev.ember4j.core.ops.OperatorParams;

/** PACK: a {@link dev.ember4j.ops.moves.CopyProgram} of strided box copies. */
public record PackParams(int[] program) implements OperatorParams {
}
