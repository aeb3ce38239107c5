/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.slice;

import dev.ember4j.core.ops.OperatorParams;

/** SLICE as a {@link dev.ember4j.ops.copy.StridedCopy} {@code plan} from {@code inputOffset} bytes into the input. */
public record SliceParams(int inputOffset, int[] plan) implements OperatorParams {
}
