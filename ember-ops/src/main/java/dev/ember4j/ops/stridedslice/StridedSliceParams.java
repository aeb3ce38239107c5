/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.stridedslice;

import dev.ember4j.core.ops.OperatorParams;

/**
 * STRIDED_SLICE as a {@link dev.ember4j.ops.copy.StridedCopy} {@code plan} gathering from the input,
 * starting {@code inputOffset} bytes into it, into the contiguous output.
 */
public record StridedSliceParams(int inputOffset, int[] plan) implements OperatorParams {
}
