/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import dev.ember4j.core.ops.OperatorParams;

/**
 * float32 SUM, REDUCE_MAX or REDUCE_MIN: the input right-aligned in six dimensions ({@code shape}) folds
 * into output element {@code sum(index[d] * outStrides[d])}.
 */
public record ReduceFloatParams(int[] shape, int[] outStrides, int outputCount, Kind kind) implements OperatorParams {

    /** The reducer and its initial value. */
    public enum Kind {
        /** {@code in + current} from 0.0f. */
        SUM,
        /** {@code in > current ? in : current} from -FLT_MAX. */
        MAX,
        /** {@code in < current ? in : current} from FLT_MAX. */
        MIN
    }

    @Override
    public long macs() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
