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
}
