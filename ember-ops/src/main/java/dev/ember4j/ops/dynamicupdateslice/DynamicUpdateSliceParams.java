/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.dynamicupdateslice;

import dev.ember4j.core.ops.OperatorParams;

/**
 * DYNAMIC_UPDATE_SLICE: the output is the operand with the update written at the start indices (read at
 * run time, {@code indexBytes} 4 or 8 each, clamped to [0, operand dim - update dim] as XLA's
 * DynamicUpdateSlice, whose semantics TFLite follows). Elements are copied as raw bytes.
 *
 * @param operandStrides the operand's row-major element strides
 */
public record DynamicUpdateSliceParams(int elemBytes, int indexBytes, int[] operandShape, int[] operandStrides,
                                       int[] updateShape) implements OperatorParams {

    /** Elements of the operand (and output). */
    public int operandElements() {
        return count(operandShape);
    }

    /** Elements of the update. */
    public int updateElements() {
        return count(updateShape);
    }

    private static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Copies count as work: a split over threads would not pay. */
    @Override
    public long work() {
        return updateElements();
    }
}
