/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpContext of a one-operator model with several inputs: tensors 0..n-2 are the inputs, the last
 * tensor the output; every tensor reads the empty buffer 0 (none is constant).
 */
public final class MultiInputContexts {
    private MultiInputContexts() {}

    public static OpContext of(BuiltinOperator op, TensorDef... tensors) {
        int n = tensors.length;
        int[] inputs = new int[n - 1];
        for (int i = 0; i < n - 1; i++) {
            inputs[i] = i;
        }
        OperatorDef def = new OperatorDef(0, op, 1, inputs, new int[] {n - 1}, 0, null);
        List<byte[]> buffers = new ArrayList<>();
        buffers.add(new byte[0]);
        TfliteModel model = new TfliteModel(3, "test", List.of(tensors), List.of(def), inputs, new int[] {n - 1},
                buffers);
        return new OpContext(model, def);
    }
}
