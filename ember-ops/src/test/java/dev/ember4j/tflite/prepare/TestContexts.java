/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.fb.Table;

import java.util.List;

/** Builds the OpContext of a one-operator model (tensor 0 in, tensor 1 out) for prepare tests. */
public final class TestContexts {
    private TestContexts() {}

    public static TensorDef tensor(int index, TensorType type, float scale, int zeroPoint, int... shape) {
        Quantization q = new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
        return new TensorDef(index, "t" + index, type, shape, 0, q);
    }

    public static OpContext unary(BuiltinOperator op, TensorDef in, TensorDef out, int optionsType, Table options) {
        OperatorDef def = new OperatorDef(0, op, 1, new int[] {0}, new int[] {1}, optionsType, options);
        TfliteModel model = new TfliteModel(3, "test", List.of(in, out), List.of(def), new int[] {0},
                new int[] {1}, List.of(new byte[0]));
        return new OpContext(model, def);
    }

    public static OpContext unary(BuiltinOperator op, TensorDef in, TensorDef out) {
        return unary(op, in, out, 0, null);
    }
}
