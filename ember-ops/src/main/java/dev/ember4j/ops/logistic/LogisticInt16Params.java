/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logistic;

import dev.ember4j.core.ops.OperatorParams;

/**
 * int16 (16x8) LOGISTIC of {@code count} elements: every input becomes
 * {@code (x * inputMultiplier + round) >> inputRightShift} (round = half of 2^shift, 0 without shift), then is
 * looked up, with linear interpolation, in TFLite's sigmoid table. The output scale is 2^-15.
 */
public record LogisticInt16Params(int count, int inputMultiplier, int inputRightShift) implements OperatorParams {
}
