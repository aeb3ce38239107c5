/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.add;

import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.common.Checks;
/**
 * ADD, int8, with numpy-style broadcasting over up to 6 dimensions. Both inputs are rescaled to a
 * common scale with a left shift of {@code leftShift} (20 for int8), summed and requantized.
 *
 * @param outputShape  output dimensions, padded in front with 1s to length 6
 * @param input1Strides element strides of input 1 per output dimension (0 where input 1 broadcasts)
 * @param input2Strides the same for input 2
 */
public record AddParams(
        int[] outputShape, int[] input1Strides, int[] input2Strides,
        int input1Offset, int input2Offset, int outputOffset, int leftShift,
        int input1Multiplier, int input1Shift, int input2Multiplier, int input2Shift,
        int outputMultiplier, int outputShift,
        int activationMin, int activationMax) implements OperatorParams {

    public static final int RANK = 6;

    public AddParams {
        Checks.length("add output shape", outputShape, RANK);
        Checks.length("add input 1 strides", input1Strides, RANK);
        Checks.length("add input 2 strides", input2Strides, RANK);
        Checks.positive("add output shape", outputShape);
        if (leftShift < 0 || leftShift > 30 || input1Shift > 0 || input2Shift > 0 || outputShift > 0) {
            throw new IllegalArgumentException("add shifts out of range");
        }
        Checks.range(activationMin, activationMax);
    }

    /** Number of output elements. */
    public int size() {
        int n = 1;
        for (int d : outputShape) {
            n *= d;
        }
        return n;
    }

    /** True when neither input broadcasts, so all three tensors can be walked as flat arrays. */
    public boolean elementwise() {
        int dense = 1;
        for (int i = RANK - 1; i >= 0; i--) {
            if (outputShape[i] > 1) {
                if (input1Strides[i] != dense || input2Strides[i] != dense) {
                    return false;
                }
                dense *= outputShape[i];
            }
        }
        return true;
    }

    /** Row-major strides of a dense tensor of this shape. */
    public static int[] denseStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /** Input-1 element count implied by the strides (the extent it spans). */
    public int input1Size() {
        return extent(input1Strides);
    }

    public int input2Size() {
        return extent(input2Strides);
    }

    private int extent(int[] strides) {
        int last = 0;
        for (int i = 0; i < RANK; i++) {
            last += strides[i] * (outputShape[i] - 1);
        }
        return last + 1;
    }

    @Override
    public long macs() {
        return 0;
    }

    /** One unit per output element (a rescaling and requantization each, several MACs' worth). */
    @Override
    public long work() {
        return size();
    }

    /** What {@code ember inspect} shows of this operator. */
    @Override
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("broadcast", !elementwise());
        m.put("left_shift", leftShift());
        m.put("input1_multiplier", input1Multiplier());
        m.put("input1_shift", input1Shift());
        m.put("input2_multiplier", input2Multiplier());
        m.put("input2_shift", input2Shift());
        m.put("output_multiplier", outputMultiplier());
        m.put("output_shift", outputShift());
        m.put("input1_offset", input1Offset());
        m.put("input2_offset", input2Offset());
        m.put("output_offset", outputOffset());
        m.put("activation_min", activationMin());
        m.put("activation_max", activationMax());
        return m;
    }
}
