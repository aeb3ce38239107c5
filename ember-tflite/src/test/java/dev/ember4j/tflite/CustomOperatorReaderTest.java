/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader's custom operators: custom_code of the operator code, custom_options of the operator, bounds-checked. */
class CustomOperatorReaderTest {

    private static byte[] model(String customCode, byte[] options, Consumer<TestModel.Op> edit) {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.FLOAT32, 1, 4);
        TestModel.Tensor out = m.tensor(TensorType.FLOAT32, 1, 4);
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        m.op(BuiltinOperator.RELU, 0, null, new int[] {m.index(in)}, new int[] {m.index(out)});
        TestModel.Tensor out2 = m.tensor(TensorType.FLOAT32, 1, 4);
        edit.accept(m.custom(customCode, options, new int[] {m.index(out)}, new int[] {m.index(out2)}));
        m.outputs = new int[] {m.index(out2)};
        return m.build();
    }

    @Test
    void customCodeAndOptionsAreRead() {
        TfliteModel model = ModelReader.read(model("MyOp", new byte[] {1, 2, 3}, op -> { }));
        OperatorDef relu = model.operators().get(0);
        assertFalse(relu.isCustom());
        assertNull(relu.customCode());
        assertEquals(0, relu.customOptions().length);
        assertEquals("RELU", relu.name());
        OperatorDef custom = model.operators().get(1);
        assertTrue(custom.isCustom());
        assertEquals(BuiltinOperator.CUSTOM, custom.op());
        assertEquals("MyOp", custom.customCode());
        assertArrayEquals(new byte[] {1, 2, 3}, custom.customOptions());
        assertEquals(0, custom.customOptionsFormat());
        assertEquals("CUSTOM(MyOp)", custom.name());
        assertEquals("operator 1 (CUSTOM(MyOp))", custom.label());
    }

    @Test
    void customOptionsMayBeAbsentAndFormatIsKept() {
        OperatorDef d = ModelReader.read(model("MyOp", null, op -> op.customOptionsFormat = 7)).operators().get(1);
        assertEquals(0, d.customOptions().length);
        assertEquals(7, d.customOptionsFormat());
    }

    @Test
    void customWithoutCustomCodeIsRefused() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelReader.read(model(null, new byte[] {1}, op -> { })));
        assertTrue(e.getMessage().contains("CUSTOM without a custom_code"), e.getMessage());
    }

    @Test
    void largeCustomOptionsAreBoundsChecked() {
        byte[] bytes = model("MyOp", null, op -> {
            op.largeCustomOptionsOffset = 8;
            op.largeCustomOptionsSize = 4;
        });
        OperatorDef d = ModelReader.read(bytes).operators().get(1);
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 8, 12), d.customOptions());
        for (long[] bad : new long[][] {{8, bytes.length}, {bytes.length, 1}, {-5, 4}, {8, -1}}) {
            ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelReader.read(model("MyOp", null,
                    op -> {
                        op.largeCustomOptionsOffset = bad[0];
                        op.largeCustomOptionsSize = bad[1];
                    })));
            assertTrue(e.getMessage().contains("operator 1 (CUSTOM(MyOp)): large custom options"), e.getMessage());
        }
    }

    @Test
    void customOptionsRunningPastTheFileAreRefused() {
        byte[] bytes = model("MyOp", new byte[] {9, 9, 9, 9}, op -> { });
        // find the 4-byte vector [9,9,9,9] and make its length huge
        for (int i = 4; i + 4 <= bytes.length; i++) {
            if (bytes[i - 4] == 4 && bytes[i - 3] == 0 && bytes[i] == 9 && bytes[i + 3] == 9) {
                bytes[i - 2] = 0x7f;
            }
        }
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelReader.read(bytes));
        assertTrue(e.getMessage().contains("custom_options"), e.getMessage());
    }
}
