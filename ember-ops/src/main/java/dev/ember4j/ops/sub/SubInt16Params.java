/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sub;

import dev.ember4j.ops.common.Shapes;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.binary.BinaryShapes;

/**
 * int16 (16x8) SUB as TFLite's general-scale path runs it: ADD's arithmetic with left shift 15 and input
 * 2's multiplier negated, clamped to the activation range. Shapes are rank 6 with element strides.
 */
public record SubInt16Params(int[] outputShape, int[] strides1, int[] strides2,
                             int input1Multiplier, int input1Shift, int input2Multiplier, int input2Shift,
                             int outputMultiplier, int outputShift, int activationMin, int activationMax)
        implements OperatorParams {

    @Override
    public long macs() {
        return Shapes.count(outputShape);
    }
}
