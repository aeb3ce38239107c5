/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.concatenation;

import dev.ember4j.core.ops.OperatorParams;

/**
 * uint8 CONCATENATION as TFLite's reference ConcatenationWithScaling: the block geometry of
 * {@link ConcatenationParams} ({@code outer} blocks, input i contributing {@code copyBytes[i]} bytes per block);
 * input i is copied when {@code rescale[i] == 0} (quantized exactly as the output), else each byte q becomes
 * {@code round(q * scale + bias) + outputZeroPoint} clamped to [0, 255], in float, where {@code scaleBits[i]} and
 * {@code biasBits[i]} hold the float bits of {@code inputScale * (1 / outputScale)} and {@code -inputZeroPoint * scale}.
 */
public record ConcatenationUint8Params(int outer, int[] copyBytes, int[] rescale, int[] scaleBits, int[] biasBits,
                                       int outputZeroPoint) implements OperatorParams {
}
