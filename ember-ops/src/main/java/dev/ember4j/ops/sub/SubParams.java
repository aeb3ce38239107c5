/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sub;

import dev.ember4j.ops.common.Shapes;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.binary.BinaryShapes;

/**
 * Quantized int8 SUB as TFLite runs it, through its ADD arithmetic: both inputs offset, shifted left by
 * {@code leftShift}, rescaled to twice the larger input scale (input 2's multiplier negated), summed
 * and requantized to the output, clamped to the activation range. Shapes are rank 6 with broadcast
 * strides (0 on broadcast dimensions).
 */
public record SubParams(int[] outputShape, int[] strides1, int[] strides2,
                        int input1Offset, int input2Offset, int outputOffset, int leftShift,
                        int input1Multiplier, int input1Shift, int input2Multiplier, int input2Shift,
                        int outputMultiplier, int outputShift, int activationMin, int activationMax)
        implements OperatorParams {

    @Override
    public long macs() {
        return Shapes.count(outputShape);
    }
}
