/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthwiseconv2d;

import dev.ember4j.ops.common.ConvShape;
import dev.ember4j.ops.common.Checks;
/**
 * DEPTHWISE_CONV_2D, int8 NHWC; output channel {@code ic * depthMultiplier + m} reads input channel ic.
 *
 * @param filter int8 weights laid out [filterHeight][filterWidth][outputDepth]
 * @param bias   int32 bias per output channel, or null
 */
public record DepthwiseConv2DParams(
        int batches, int inputHeight, int inputWidth, int inputDepth,
        int outputHeight, int outputWidth, int outputDepth, int depthMultiplier,
        int filterHeight, int filterWidth,
        int strideHeight, int strideWidth, int dilationHeight, int dilationWidth,
        int padTop, int padLeft,
        int inputOffset, int outputOffset,
        byte[] filter, int[] bias, int[] outputMultiplier, int[] outputShift,
        int activationMin, int activationMax) implements ConvShape {

    public DepthwiseConv2DParams {
        Checks.positive("depthwise conv shape", batches, inputHeight, inputWidth, inputDepth, outputHeight,
                outputWidth, outputDepth, depthMultiplier, filterHeight, filterWidth, strideHeight, strideWidth,
                dilationHeight, dilationWidth);
        if ((long) inputDepth * depthMultiplier != outputDepth) {
            throw new IllegalArgumentException("depthwise conv: output depth " + outputDepth + " != input depth "
                    + inputDepth + " x depth multiplier " + depthMultiplier);
        }
        Checks.length("depthwise conv filter", filter, (long) filterHeight * filterWidth * outputDepth);
        if (bias != null) {
            Checks.length("depthwise conv bias", bias, outputDepth);
        }
        Checks.length("depthwise conv output multipliers", outputMultiplier, outputDepth);
        Checks.multipliers(outputMultiplier, outputShift, outputDepth);
        Checks.range(activationMin, activationMax);
    }

    @Override
    public long macs() {
        return (long) outputSize() * filterHeight * filterWidth;
    }

    /** What {@code ember inspect} shows of this operator. */
    @Override
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = describeConv();
        m.put("depth_multiplier", depthMultiplier());
        return m;
    }
}
