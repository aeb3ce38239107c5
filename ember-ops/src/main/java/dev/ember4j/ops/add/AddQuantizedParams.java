/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.add;

import dev.ember4j.ops.common.Shapes;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.binary.BinaryShapes;

/**
 * ADD of two int16 or uint8 tensors ({@code elem}, a {@link dev.ember4j.ops.common.Elem} code), as TFLite's
 * reference kernels: the general path (TFLite's AddElementwise: offsets, left shift 15 for int16 or 20
 * for uint8, both inputs rescaled to twice the larger input scale, summed, requantized, clamped) or, when
 * {@code pot} (int16 with AddOptions.pot_scale_int16 and power-of-two scales, zero points 0), the
 * LSTM path: one input rounding-shifted right by {@code potShift1}/{@code potShift2}, a saturating int16
 * sum, clamped. Shapes are rank 6 with element strides (0 on broadcast dimensions).
 */
public record AddQuantizedParams(int elem, int[] outputShape, int[] strides1, int[] strides2,
                                 int input1Offset, int input2Offset, int outputOffset, int leftShift,
                                 int input1Multiplier, int input1Shift, int input2Multiplier, int input2Shift,
                                 int outputMultiplier, int outputShift, int activationMin, int activationMax,
                                 boolean pot, int potShift1, int potShift2) implements OperatorParams {

    @Override
    public long macs() {
        return Shapes.count(outputShape);
    }
}
