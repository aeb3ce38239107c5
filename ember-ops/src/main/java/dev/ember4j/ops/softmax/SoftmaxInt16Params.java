/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.ops.OperatorParams;

/**
 * int16 SOFTMAX (16x8) as TFLite's SoftmaxInt16: differences to the row maximum scaled so that [-65535, 0]
 * is [-10, 0] ({@code inputMultiplier}, {@code inputShift}), exp and 1/(1+x) from 513-entry int16 tables
 * built at prepare, output in Q0.15 ([0, 32767]).
 */
public record SoftmaxInt16Params(int outerSize, int depth, int inputMultiplier, int inputShift, int[] expLut,
                                 int[] oneOverOnePlusXLut) implements OperatorParams {
}
