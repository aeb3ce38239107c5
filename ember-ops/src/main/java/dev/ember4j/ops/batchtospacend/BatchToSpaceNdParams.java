/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchtospacend;

import dev.ember4j.core.ops.OperatorParams;

/** BATCH_TO_SPACE_ND: a {@link dev.ember4j.ops.moves.CopyProgram} of strided box copies. */
public record BatchToSpaceNdParams(int[] program) implements OperatorParams {
}
