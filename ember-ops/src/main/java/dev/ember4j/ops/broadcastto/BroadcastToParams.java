/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.broadcastto;

import dev.ember4j.core.ops.OperatorParams;

/** BROADCAST_TO: a {@link dev.ember4j.ops.moves.CopyProgram} of strided box copies. */
public record BroadcastToParams(int[] program) implements OperatorParams {
}
