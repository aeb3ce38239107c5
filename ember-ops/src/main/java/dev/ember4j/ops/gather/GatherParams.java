/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gather;

import dev.ember4j.core.ops.OperatorParams;

/**
 * GATHER with constant indices: the output is consecutive blocks of {@code blockBytes}, block k read from
 * the input at byte offset {@code srcOffsets[k]} (indices checked in range at prepare).
 */
public record GatherParams(int blockBytes, int[] srcOffsets) implements OperatorParams {
}
