/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.common.Checks;
/** AVERAGE_POOL_2D and MAX_POOL_2D, int8 NHWC; input and output share scale and zero point. */
public record PoolParams(
        int batches, int inputHeight, int inputWidth, int depth,
        int outputHeight, int outputWidth,
        int filterHeight, int filterWidth, int strideHeight, int strideWidth,
        int padTop, int padLeft,
        int activationMin, int activationMax) implements OperatorParams {

    public PoolParams {
        Checks.positive("pool shape", batches, inputHeight, inputWidth, depth, outputHeight, outputWidth,
                filterHeight, filterWidth, strideHeight, strideWidth);
        Checks.range(activationMin, activationMax);
    }

    public int inputSize() {
        return batches * inputHeight * inputWidth * depth;
    }

    public int outputSize() {
        return batches * outputHeight * outputWidth * depth;
    }

    @Override
    public long macs() {
        return (long) outputSize() * filterHeight * filterWidth;
    }

    /** What {@code ember inspect} shows of this operator. */
    @Override
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("input_shape", new int[] {batches(), inputHeight(), inputWidth(), depth()});
        m.put("output_shape", new int[] {batches(), outputHeight(), outputWidth(), depth()});
        m.put("filter_height", filterHeight());
        m.put("filter_width", filterWidth());
        m.put("stride_height", strideHeight());
        m.put("stride_width", strideWidth());
        m.put("pad_top", padTop());
        m.put("pad_left", padLeft());
        m.put("activation_min", activationMin());
        m.put("activation_max", activationMax());
        return m;
    }
}
