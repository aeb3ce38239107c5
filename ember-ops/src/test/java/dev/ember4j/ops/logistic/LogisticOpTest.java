/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logistic;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.ops.common.LutParams;
import dev.ember4j.ops.tanh.TanhOp;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import static dev.ember4j.tflite.prepare.TestContexts.tensor;
import static dev.ember4j.tflite.prepare.TestContexts.unary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticOpTest {

    @Test
    void preparesTheTable() {
        Prepared p = new LogisticOp().prepare(unary(BuiltinOperator.LOGISTIC,
                tensor(0, TensorType.INT8, 0.05f, 3, 1, 8), tensor(1, TensorType.INT8, 1f / 256, -128, 1, 8)));
        LutParams lp = (LutParams) p.params();
        assertEquals(8, lp.count());
        assertEquals(0, lp.table()[3]); // x = zero point -> 0.5
        assertSame(dev.ember4j.ops.common.LutKernel.KERNEL, p.kernel());
        assertArrayEquals(new int[] {0}, p.dataInputs());
    }

    /** uint8: TFLite's PopulateLookupTable over 0..255; sigmoid(0) = 0.5 -> 128 at output zero point 0. */
    @Test
    void preparesTheUint8Table() {
        Prepared p = new LogisticOp().prepare(unary(BuiltinOperator.LOGISTIC,
                tensor(0, TensorType.UINT8, 0.1f, 128, 1, 8), tensor(1, TensorType.UINT8, 1f / 256, 0, 1, 8)));
        byte[] table = ((LutParams) p.params()).table();
        assertEquals(128, table[128] & 0xff);
        assertEquals(0, table[0] & 0xff);     // sigmoid(-12.8) * 256 rounds to 0
        assertEquals(255, table[255] & 0xff); // sigmoid(12.7) * 256 rounds to 256, clamped
        for (int v = 1; v < 256; v++) {
            assertTrue((table[v] & 0xff) >= (table[v - 1] & 0xff), "monotonic at " + v);
        }
    }

    @Test
    void rejectsAnOutputScaleOtherThanOneOver256() {
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class,
                () -> new LogisticOp().prepare(unary(BuiltinOperator.LOGISTIC,
                        tensor(0, TensorType.INT8, 0.05f, 0, 4), tensor(1, TensorType.INT8, 1f / 128, -128, 4))));
        assertTrue(e.getMessage().contains("1/256"), e.getMessage());
    }

    @Test
    void rejectsOtherTypesAndShapes() {
        assertThrows(UnsupportedOperatorException.class, () -> new LogisticOp().prepare(unary(BuiltinOperator.LOGISTIC,
                tensor(0, TensorType.UINT8, 0.05f, 0, 4), tensor(1, TensorType.INT8, 1f / 256, -128, 4))));
        assertThrows(UnsupportedOperatorException.class, () -> new TanhOp().prepare(unary(BuiltinOperator.TANH,
                tensor(0, TensorType.INT16, 0.05f, 3, 4), tensor(1, TensorType.INT16, 1f / 32768, 0, 4))));
        assertThrows(ModelFormatException.class, () -> new TanhOp().prepare(unary(BuiltinOperator.TANH,
                tensor(0, TensorType.INT8, 0.05f, 0, 4), tensor(1, TensorType.INT8, 1f / 128, 0, 2, 2))));
        assertThrows(ModelFormatException.class, () -> new TanhOp().prepare(unary(BuiltinOperator.TANH,
                tensor(0, TensorType.INT8, 0f, 0, 4), tensor(1, TensorType.INT8, 1f / 128, 0, 4))));
    }
}
