/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.common.Checks;
/**
 * SOFTMAX, int8 in, int8 out with the fixed output quantization TFLite requires (scale 1/256, zero
 * point -128), computed on the gemmlowp fixed-point exp path over the innermost dimension.
 *
 * @param inputMultiplier beta * input scale as a Q0.31 multiplier for diffs in Q5.26
 * @param inputLeftShift  its left shift
 * @param diffMin         diffs (input - row max) below this give output -128
 */
public record SoftmaxParams(int outerSize, int depth, int inputMultiplier, int inputLeftShift, int diffMin)
        implements OperatorParams {

    public SoftmaxParams {
        Checks.positive("softmax shape", outerSize, depth);
        if (inputLeftShift < 0 || inputLeftShift > 31) {
            throw new IllegalArgumentException("softmax input left shift out of range: " + inputLeftShift);
        }
    }

    public int size() {
        return outerSize * depth;
    }

    @Override
    public long macs() {
        return 0;
    }

    /** What {@code ember inspect} shows of this operator. */
    @Override
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("outer_size", outerSize());
        m.put("depth", depth());
        m.put("beta_multiplier", inputMultiplier());
        m.put("beta_left_shift", inputLeftShift());
        m.put("diff_min", diffMin());
        return m;
    }
}
