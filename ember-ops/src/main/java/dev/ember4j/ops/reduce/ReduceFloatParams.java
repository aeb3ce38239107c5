/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import dev.ember4j.core.ops.OperatorParams;

/**
 * float32 SUM, REDUCE_MAX or REDUCE_MIN: the input right-aligned in six dimensions ({@code shape}) folds
 * into output element {@code sum(index[d] * outStrides[d])}; {@code kind} is {@link #SUM}, {@link #MAX} or
 * {@link #MIN} (an int, which the code generator can write).
 */
public record ReduceFloatParams(int[] shape, int[] outStrides, int outputCount, int kind) implements OperatorParams {

    /** {@code in + current} from 0.0f. */
    public static final int SUM = 0;
    /** {@code in > current ? in : current} from -FLT_MAX. */
    public static final int MAX = 1;
    /** {@code in < current ? in : current} from FLT_MAX. */
    public static final int MIN = 2;

    @Override
    public long macs() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
