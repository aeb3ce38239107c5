/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.broadcastargs;

import dev.ember4j.core.ops.OperatorParams;

/** BROADCAST_ARGS of shape vectors of {@code length1} and {@code length2} values, int64 ({@code wide}) or int32. */
public record BroadcastArgsParams(int length1, int length2, boolean wide) implements OperatorParams {
}
