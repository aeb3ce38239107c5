/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.prelu;

import dev.ember4j.core.ops.OperatorParams;

/** float32 PRELU: the rank-6 output shape and the element strides of the input and of alpha (0: broadcast). */
public record PreluFloatParams(int[] outputShape, int[] inputStrides, int[] alphaStrides) implements OperatorParams {

    @Override
    public long macs() {
        long n = 1;
        for (int d : outputShape) {
            n *= d;
        }
        return n;
    }
}
