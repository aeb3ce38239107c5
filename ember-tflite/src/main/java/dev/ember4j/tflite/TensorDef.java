/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.TensorType;

import java.util.Arrays;

/**
 * A tensor as the model file declares it.
 *
 * @param buffer       index into the model's buffers (0 is the empty sentinel buffer)
 * @param quantization null when the tensor has none
 * @param isVariable   TFLite's {@code is_variable}: state an operator reads and updates in place across
 *                     invocations (SVDF's and LSTM's state inputs)
 */
public record TensorDef(int index, String name, TensorType type, int[] shape, int buffer, Quantization quantization,
                        boolean isVariable) {

    /** A tensor that is not a variable. */
    public TensorDef(int index, String name, TensorType type, int[] shape, int buffer, Quantization quantization) {
        this(index, name, type, shape, buffer, quantization, false);
    }

    /** This tensor with another shape. */
    public TensorDef withShape(int[] newShape) {
        return new TensorDef(index, name, type, newShape, buffer, quantization, isVariable);
    }

    /** Number of elements (product of the shape, 1 for scalars). */
    public int elementCount() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return (int) n;
    }

    public int byteSize() {
        return elementCount() * type.bytes();
    }

    public String shapeString() {
        return Arrays.toString(shape);
    }

    /** "tensor 12 'name'" for messages. */
    public String label() {
        return "tensor " + index + (name == null || name.isEmpty() ? "" : " '" + name + "'");
    }
}
