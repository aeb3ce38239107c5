/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader's operator intermediates (schema field 8): read as given, -1 allowed, indices bounds-checked. */
class IntermediatesTest {

    private static byte[] model(int[] intermediates) {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.INT8, 1, 4).quant(0.5f, 0);
        TestModel.Tensor out = m.tensor(TensorType.INT8, 1, 4).quant(0.5f, 0);
        m.tensor(TensorType.INT16, 0).quant(0.25f, 0); // an intermediate: quantization only, no data
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        m.op(BuiltinOperator.RELU, 0, null, new int[] {m.index(in)}, new int[] {m.index(out)}).intermediates =
                intermediates;
        return m.build();
    }

    @Test
    void intermediatesAreRead() {
        assertArrayEquals(new int[] {2, -1}, ModelReader.read(model(new int[] {2, -1})).operators().get(0).intermediates());
        assertEquals(0, ModelReader.read(model(null)).operators().get(0).intermediates().length);
    }

    @Test
    void outOfRangeIntermediateIsRefused() {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelReader.read(model(new int[] {3})));
        assertTrue(e.getMessage().contains("operator 0 (RELU) intermediate 3 out of range"), e.getMessage());
        assertThrows(ModelFormatException.class, () -> ModelReader.read(model(new int[] {-2})));
    }
}
