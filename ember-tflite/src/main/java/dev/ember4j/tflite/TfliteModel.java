/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import java.util.List;

/**
 * The parts of a TensorFlow Lite model this engine reads: the main subgraph's tensors, operators,
 * inputs and outputs, every subgraph (the main one first), and the constant buffers they reference.
 * Every index has been checked.
 *
 * @param subgraphs every subgraph of the file, index 0 being the main graph the other components describe
 */
public record TfliteModel(int version, String description, List<TensorDef> tensors, List<OperatorDef> operators,
                          int[] inputs, int[] outputs, List<byte[]> buffers, List<SubgraphDef> subgraphs) {

    /** A model with the main subgraph only. */
    public TfliteModel(int version, String description, List<TensorDef> tensors, List<OperatorDef> operators,
                       int[] inputs, int[] outputs, List<byte[]> buffers) {
        this(version, description, tensors, operators, inputs, outputs, buffers,
                List.of(new SubgraphDef(0, "main", tensors, operators, inputs, outputs)));
    }

    public TensorDef tensor(int index) {
        return tensors.get(index);
    }

    /** This model with {@code t} in place of the tensor of the same index. */
    public TfliteModel withTensor(TensorDef t) {
        List<TensorDef> copy = new java.util.ArrayList<>(tensors);
        copy.set(t.index(), t);
        return new TfliteModel(version, description, List.copyOf(copy), operators, inputs, outputs, buffers);
    }

    /** Constant data of the tensor, or null when its buffer is empty (an activation tensor). */
    public byte[] constantData(TensorDef tensor) {
        byte[] data = buffers.get(tensor.buffer());
        return data == null || data.length == 0 ? null : data;
    }
}
