/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.conv2d;

import dev.ember4j.ops.common.ConvShape;
import dev.ember4j.ops.common.Checks;
/**
 * CONV_2D, int8 NHWC with per-channel (or broadcast per-tensor) requantization.
 *
 * @param filter      int8 weights laid out [outputDepth][filterHeight][filterWidth][inputDepth]
 * @param bias        int32 bias per output channel, or null when the operator has none
 * @param inputOffset the negated input zero point, added to every input value
 * @param outputMultiplier per output channel Q0.31 multiplier (length outputDepth)
 * @param outputShift per output channel exponent (positive = left shift)
 */
public record Conv2DParams(
        int batches, int inputHeight, int inputWidth, int inputDepth,
        int outputHeight, int outputWidth, int outputDepth,
        int filterHeight, int filterWidth,
        int strideHeight, int strideWidth, int dilationHeight, int dilationWidth,
        int padTop, int padLeft,
        int inputOffset, int outputOffset,
        byte[] filter, int[] bias, int[] outputMultiplier, int[] outputShift,
        int activationMin, int activationMax) implements ConvShape {

    public Conv2DParams {
        Checks.positive("conv shape", batches, inputHeight, inputWidth, inputDepth, outputHeight, outputWidth,
                outputDepth, filterHeight, filterWidth, strideHeight, strideWidth, dilationHeight, dilationWidth);
        Checks.length("conv filter", filter, (long) outputDepth * filterHeight * filterWidth * inputDepth);
        if (bias != null) {
            Checks.length("conv bias", bias, outputDepth);
        }
        Checks.length("conv output multipliers", outputMultiplier, outputDepth);
        Checks.multipliers(outputMultiplier, outputShift, outputDepth);
        Checks.range(activationMin, activationMax);
    }

    @Override
    public long macs() {
        return (long) outputSize() * filterHeight * filterWidth * inputDepth;
    }

    /** What {@code ember inspect} shows of this operator. */
    @Override
    public java.util.Map<String, Object> describe() {
        return describeConv();
    }
}
