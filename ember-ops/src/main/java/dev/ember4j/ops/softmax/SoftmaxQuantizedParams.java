/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.ops.OperatorParams;

/**
 * SOFTMAX of an 8-bit input ({@code inputElem}: int8 or uint8) to {@code outputElem} (int16 from int8, as
 * TFLM's keyword_scrambled; uint8 from uint8), on TFLite's reference fixed-point path (gemmlowp exp, Q12.19
 * sum, reciprocal): the result is {@code p * 2^bits + min(output type)}, the output zero point unused
 * as in TFLite's kernel.
 */
public record SoftmaxQuantizedParams(int outerSize, int depth, int inputMultiplier, int inputLeftShift, int diffMin,
                                     int inputElem, int outputElem) implements OperatorParams {
}
