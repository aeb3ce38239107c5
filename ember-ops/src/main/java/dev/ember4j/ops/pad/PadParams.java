/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pad;

import dev.ember4j.core.ops.OperatorParams;

/**
 * PAD / PADV2: fill the output ({@code outputBytes} bytes) with the repeated {@code padValue} element
 * bytes, then copy the input into the interior with a {@link dev.ember4j.ops.copy.StridedCopy}
 * {@code plan} starting {@code interiorOffset} bytes into the output.
 */
public record PadParams(byte[] padValue, int outputBytes, int interiorOffset, int[] plan) implements OperatorParams {
}
