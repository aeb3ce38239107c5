/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.squareddifference;

import dev.ember4j.ops.common.Shapes;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.binary.BinaryShapes;

/**
 * Quantized int8 SQUARED_DIFFERENCE as TFLite: both inputs offset, shifted left by {@code leftShift}
 * (7), rescaled to twice the larger input scale, subtracted; the squared difference is requantized to
 * the output and clamped to int8. Rank-6 shapes with broadcast strides.
 */
public record SquaredDifferenceParams(int[] outputShape, int[] strides1, int[] strides2,
                                      int input1Offset, int input2Offset, int outputOffset, int leftShift,
                                      int input1Multiplier, int input1Shift, int input2Multiplier, int input2Shift,
                                      int outputMultiplier, int outputShift) implements OperatorParams {

    @Override
    public long macs() {
        return Shapes.count(outputShape);
    }
}
