/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.squareddifference;

import dev.ember4j.core.ops.OperatorParams;

/** float32 SQUARED_DIFFERENCE: the rank-6 output shape and both inputs' element strides (0: broadcast). */
public record SquaredDifferenceFloatParams(int[] outputShape, int[] strides1, int[] strides2)
        implements OperatorParams {

    @Override
    public long macs() {
        long n = 1;
        for (int d : outputShape) {
            n *= d;
        }
        return n;
    }
}
