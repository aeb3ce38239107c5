/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logsoftmax;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Reference int8 LOG_SOFTMAX over the last dimension ({@code outer} rows of {@code depth}): input
 * differences from the row maximum are scaled to Q5.26 by {@code inputMultiplier * 2^(inputShift - 31)}
 * (inputShift a left shift); {@code reverseMultiplier * 2^(reverseShift - 31)} (reverseShift &lt;= 0)
 * maps a Q5.26 threshold back to input units; differences below {@code diffMin} are ignored.
 */
public record LogSoftmaxParams(int outer, int depth, int inputMultiplier, int inputShift,
                               int reverseMultiplier, int reverseShift, int diffMin) implements OperatorParams {
}
