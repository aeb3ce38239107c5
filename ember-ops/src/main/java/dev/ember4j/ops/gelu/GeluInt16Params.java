/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gelu;

import dev.ember4j.core.ops.OperatorParams;

/** GELU of {@code count} int16 elements through TFLite's 513-entry interpolated table. */
public record GeluInt16Params(int count, int[] lut) implements OperatorParams {
}
