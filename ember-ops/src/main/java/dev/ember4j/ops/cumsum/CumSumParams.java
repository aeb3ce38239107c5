/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.cumsum;

import dev.ember4j.core.ops.OperatorParams;

/**
 * CUMSUM over the middle dimension of an {@code outer x depth x inner} view of the tensor (the axis is
 * {@code depth}), {@code type} one of the {@link CumSumKernel} type codes.
 */
public record CumSumParams(int outer, int depth, int inner, boolean exclusive, boolean reverse, int type)
        implements OperatorParams {
}
