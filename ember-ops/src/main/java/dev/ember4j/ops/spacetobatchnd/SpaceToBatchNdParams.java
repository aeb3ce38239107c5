/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.spacetobatchnd;

import dev.ember4j.core.ops.OperatorParams;

/**
 * SPACE_TO_BATCH_ND: fill the output ({@code outputBytes}) with the repeated {@code padValue} element
 * bytes, then run the {@link dev.ember4j.ops.moves.CopyProgram} {@code program}.
 */
public record SpaceToBatchNdParams(byte[] padValue, int outputBytes, int[] program) implements OperatorParams {
}
