/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gelu;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeluTest {

    /** erf against known values and its own symmetry. */
    @Test
    void erf() {
        assertEquals(0.0, Erf.erf(0.0));
        assertEquals(0.8427007929497149, Erf.erf(1.0), 2e-16);
        assertEquals(0.9953222650189527, Erf.erf(2.0), 2e-16);
        assertEquals(0.1124629160182849, Erf.erf(0.1), 2e-17);
        assertEquals(0.9999779095030014, Erf.erf(3.0), 2e-16);
        assertEquals(0.9999999845827421, Erf.erf(4.0), 2e-16);
        assertEquals(1.0, Erf.erf(7.0));
        for (double x = -5; x < 5; x += 0.37) {
            assertEquals(-Erf.erf(x), Erf.erf(-x));
        }
        assertTrue(Double.isNaN(Erf.erf(Double.NaN)));
    }

    @Test
    void transforms() {
        assertEquals(0f, Gelu.exact(0f));
        assertEquals(0.8413447f, Gelu.exact(1f), 1e-7f);
        assertEquals(-0.15865526f, Gelu.exact(-1f), 1e-7f);
        assertEquals(0.8411920f, Gelu.approximate(1f), 1e-6f);
        assertEquals(-0f, Gelu.exact(-20f)); // 0.5f * x * (1 + erf) of a tiny negative product
        assertEquals(20f, Gelu.approximate(20f));
    }

    private static OpContext ctx(TensorType type, float scale, int inZp, int outZp, Integer approximate) {
        OpFixture f = new OpFixture();
        int x = type == TensorType.FLOAT32 ? f.unquantized(type, 4) : f.tensor(type, scale, inZp, 4);
        int y = type == TensorType.FLOAT32 ? f.unquantized(type, 4) : f.tensor(type, scale, outZp, 4);
        return f.context(BuiltinOperator.GELU, new int[] {x}, new int[] {y}, 116, OpFixture.options(approximate));
    }

    @Test
    void prepareAndRefusals() {
        assertEquals(dev.ember4j.ops.common.LutKernel.KERNEL, new GeluOp().prepare(ctx(TensorType.INT8, 0.05f, 3, -2, 1)).kernel());
        assertEquals(dev.ember4j.ops.common.LutKernel.KERNEL, new GeluOp().prepare(ctx(TensorType.UINT8, 0.05f, 130, 20, null)).kernel());
        assertEquals(dev.ember4j.ops.gelu.GeluInt16Kernel.KERNEL, new GeluOp().prepare(ctx(TensorType.INT16, 0.001f, 0, 0, 0)).kernel());
        UnsupportedOperatorException u = assertThrows(UnsupportedOperatorException.class,
                () -> new GeluOp().prepare(ctx(TensorType.FLOAT32, 0, 0, 0, 0)));
        assertTrue(u.getMessage().contains("GELU") && u.getMessage().contains("FLOAT32"), u.getMessage());
        u = assertThrows(UnsupportedOperatorException.class,
                () -> new GeluOp().prepare(ctx(TensorType.INT16, 0.001f, 0, 5, 0)));
        assertTrue(u.getMessage().contains("zero point 0"), u.getMessage());
        assertThrows(UnsupportedOperatorException.class, () -> new GeluOp().prepare(ctx(TensorType.INT32, 1f, 0, 0, 0)));
        OpFixture f = new OpFixture();
        int x = f.tensor(TensorType.INT8, 0.1f, 0, 4);
        int y = f.tensor(TensorType.INT8, 0.1f, 0, 4);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> new GeluOp().prepare(
                f.context(BuiltinOperator.GELU, new int[] {x}, new int[] {y}, 5, OpFixture.options(1))));
        assertTrue(e.getMessage().contains("GeluOptions"), e.getMessage());
    }
}
