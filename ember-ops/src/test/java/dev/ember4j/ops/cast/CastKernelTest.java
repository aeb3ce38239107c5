/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.cast;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import org.junit.jupiter.api.Test;

import static dev.ember4j.tflite.prepare.TestContexts.unary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CastKernelTest {

    private static long fromFloat(float v, int to) {
        byte[] y = new byte[8];
        CastKernel.fromFloat(v, to, y, 0);
        return CastKernel.read(to == CastKernel.FLOAT32 ? CastKernel.INT32 : to, y, 0);
    }

    private static long fromInt(long v, int to) {
        byte[] y = new byte[8];
        CastKernel.fromInteger(v, to, y, 0);
        return CastKernel.read(to, y, 0);
    }

    @Test
    void floatToIntegers() {
        assertEquals(-129, fromFloat(-129.5f, CastKernel.INT32));
        assertEquals(Integer.MAX_VALUE, fromFloat(2.2e9f, CastKernel.INT32)); // saturates
        assertEquals(Integer.MIN_VALUE, fromFloat(-1e10f, CastKernel.INT32));
        assertEquals(Integer.MAX_VALUE, fromFloat(Float.NaN, CastKernel.INT32));
        assertEquals(2147483520L, fromFloat(2147483520f, CastKernel.INT32));
        assertEquals(32767, fromFloat(32768.5f, CastKernel.INT16)); // clamped
        assertEquals(-32768, fromFloat(-1e10f, CastKernel.INT16));
        assertEquals(255, fromFloat(255.9f, CastKernel.UINT8));
        assertEquals(0, fromFloat(-0.99f, CastKernel.UINT8));
        assertEquals(0, fromFloat(-129.5f, CastKernel.UINT8));
        assertEquals(-128, fromFloat(-128.9f, CastKernel.INT8));
        assertEquals(127, fromFloat(-129.5f, CastKernel.INT8)); // x86 scalar: -129 then its low byte
        assertEquals(0, fromFloat(3e9f, CastKernel.INT8)); // the int32 indefinite value's low byte
        assertEquals(-10000000000L, fromFloat(-1e10f, CastKernel.INT64));
        assertEquals(Long.MIN_VALUE, fromFloat(1e19f, CastKernel.INT64));
        assertEquals(0, fromFloat(-0.0f, CastKernel.BOOL));
        assertEquals(1, fromFloat(Float.NaN, CastKernel.BOOL));
        assertEquals(1, fromFloat(1e-30f, CastKernel.BOOL));
    }

    @Test
    void integersNarrowToTheirLowBits() {
        assertEquals(-1, fromInt(255, CastKernel.INT8));
        assertEquals(255, fromInt(-1, CastKernel.UINT8));
        assertEquals(0, fromInt(65536, CastKernel.INT16));
        assertEquals(-1, fromInt(Long.MAX_VALUE, CastKernel.INT32));
        assertEquals(1, fromInt(256, CastKernel.BOOL));
        assertEquals(0, fromInt(0, CastKernel.BOOL));
        byte[] y = new byte[4];
        CastKernel.fromInteger(16777217, CastKernel.FLOAT32, y, 0); // rounds to nearest even
        assertEquals(16777216f, dev.ember4j.ops.common.Le.f32(y, 0));
        assertEquals(1, CastKernel.read(CastKernel.BOOL, new byte[] {7}, 0));
    }

    @Test
    void refusesOtherTypesAndShapes() {
        TensorDef half = new TensorDef(0, "h", TensorType.FLOAT16, new int[] {3}, 0, null);
        TensorDef f = new TensorDef(1, "f", TensorType.FLOAT32, new int[] {3}, 0, null);
        assertThrows(UnsupportedOperatorException.class, () -> new CastOp().prepare(unary(BuiltinOperator.CAST, half, f)));
        TensorDef i = new TensorDef(0, "i", TensorType.INT32, new int[] {4}, 0, null);
        assertThrows(dev.ember4j.core.ModelFormatException.class,
                () -> new CastOp().prepare(unary(BuiltinOperator.CAST, i, f)));
        CastParams p = (CastParams) new CastOp().prepare(unary(BuiltinOperator.CAST,
                new TensorDef(0, "i", TensorType.INT32, new int[] {3}, 0, null), f)).params();
        assertEquals(CastKernel.INT32, p.from());
        assertEquals(CastKernel.FLOAT32, p.to());
    }
}
