/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.core.TensorType;
import dev.ember4j.runtime.Tensor;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A model input or output as the functions check values against it: read once from an interpreter, so
 * that a row's error can name the tensor and its size without touching the interpreter.
 *
 * @param index        position among the model's inputs (or outputs)
 * @param name         tensor name
 * @param type         element type
 * @param shape        dimensions
 * @param byteSize     bytes of a raw value
 * @param elementCount values of a float value
 * @param scale        quantization scale (0 when unquantized)
 * @param zeroPoint    quantization zero point
 */
public record TensorSpec(int index, String name, TensorType type, List<Integer> shape, int byteSize,
                         int elementCount, float scale, int zeroPoint) implements Serializable {
    public TensorSpec {
        shape = List.copyOf(shape);
    }

    static TensorSpec of(int index, Tensor t) {
        return new TensorSpec(index, t.name(), t.type(), Arrays.stream(t.shape()).boxed().toList(), t.byteSize(),
                t.elementCount(), t.scale(), t.zeroPoint());
    }

    /** E.g. {@code input 0 'serving_default_x:0' INT8 [1, 96, 96, 1]}. */
    String describe(String role) {
        return role + " " + index + " '" + name + "' " + type + " " + shape;
    }
}
