/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.embeddinglookup;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingLookupTest {

    private static byte[] ids(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : v) {
            b.putInt(i);
        }
        return b.array();
    }

    @Test
    void copiesRowsAndZeroesOutOfRangeOnes() {
        byte[] value = {1, 2, 3, 4, 5, 6}; // 3 rows of 2 bytes
        byte[] arena = new byte[1 + 8];
        java.util.Arrays.fill(arena, (byte) 9);
        EmbeddingLookupKernel.run(new EmbeddingLookupParams(4, 3, 2, 2, null),
                new Slot[] {Slot.constant(ids(2, 0, 3, -1)), Slot.constant(value)}, new Slot[] {Slot.arena(1)}, arena,
                new byte[0]);
        assertArrayEquals(new byte[] {9, 5, 6, 1, 2, 0, 0, 0, 0}, arena);
    }

    @Test
    void hybridDequantizesAsInt8TimesFloatScale() {
        byte[] value = {-128, 127, (byte) 200, 5}; // 2 rows of 2; 200 as uint8 reads as -56, as TFLite
        byte[] arena = new byte[4 * 6];
        EmbeddingLookupKernel.run(new EmbeddingLookupParams(3, 2, 2, 2,
                new int[] {Float.floatToRawIntBits(0.5f), Float.floatToRawIntBits(0.1f)}),
                new Slot[] {Slot.constant(ids(1, 0, 7)), Slot.constant(value)}, new Slot[] {Slot.arena(0)}, arena,
                new byte[0]);
        ByteBuffer y = ByteBuffer.wrap(arena).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-56 * 0.1f, y.getFloat(0));
        assertEquals(5 * 0.1f, y.getFloat(4));
        assertEquals(-64f, y.getFloat(8));
        assertEquals(63.5f, y.getFloat(12));
        assertEquals(0f, y.getFloat(16));
        assertEquals(0f, y.getFloat(20));
    }

    private static OpContext ctx(TensorType vt, Quantization q, TensorType ot, int lookups, int... vshape) {
        OpFixture f = new OpFixture();
        int ids = f.unquantized(TensorType.INT32, lookups);
        int n = 1;
        for (int d : vshape) {
            n *= d;
        }
        int v = f.constant(vt, q, new byte[n * Math.max(1, vt.bytes())], vshape);
        int[] os = vshape.clone();
        os[0] = lookups;
        int out = f.unquantized(ot, os);
        return f.context(BuiltinOperator.EMBEDDING_LOOKUP, new int[] {ids, v}, new int[] {out}, 0, null);
    }

    @Test
    void prepare() {
        EmbeddingLookupParams p = (EmbeddingLookupParams) new EmbeddingLookupOp().prepare(
                ctx(TensorType.INT16, null, TensorType.INT16, 4, 5, 3, 2)).params();
        assertEquals(4, p.lookups());
        assertEquals(6, p.columns());
        assertEquals(12, p.rowBytes());
        assertNull(p.scaleBits());
        Quantization perRow = new Quantization(new float[] {0.1f, 0.2f, 0.3f}, new long[] {0, 0, 0}, 0);
        p = (EmbeddingLookupParams) new EmbeddingLookupOp().prepare(
                ctx(TensorType.INT8, perRow, TensorType.FLOAT32, 2, 3, 4)).params();
        assertArrayEquals(new int[] {Float.floatToRawIntBits(0.1f), Float.floatToRawIntBits(0.2f),
                Float.floatToRawIntBits(0.3f)}, p.scaleBits());
    }

    @Test
    void malformedAndUnsupported() {
        Quantization zp = new Quantization(new float[] {0.1f}, new long[] {3}, 0);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> new EmbeddingLookupOp().prepare(
                ctx(TensorType.INT8, zp, TensorType.FLOAT32, 2, 3, 4)));
        assertTrue(e.getMessage().contains("EMBEDDING_LOOKUP") && e.getMessage().contains("zero point 3"), e.getMessage());
        Quantization axis1 = new Quantization(new float[] {0.1f, 0.2f, 0.3f, 0.4f}, new long[] {0, 0, 0, 0}, 1);
        e = assertThrows(ModelFormatException.class, () -> new EmbeddingLookupOp().prepare(
                ctx(TensorType.INT8, axis1, TensorType.FLOAT32, 2, 3, 4)));
        assertTrue(e.getMessage().contains("per-row scales"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> new EmbeddingLookupOp().prepare(
                ctx(TensorType.INT16, null, TensorType.INT8, 2, 3, 4)));
        assertTrue(e.getMessage().contains("has type INT8, the value INT16"), e.getMessage());
        UnsupportedOperatorException u = assertThrows(UnsupportedOperatorException.class,
                () -> new EmbeddingLookupOp().prepare(ctx(TensorType.INT32, null, TensorType.FLOAT32, 2, 3, 4)));
        assertTrue(u.getMessage().contains("only INT8 and UINT8"), u.getMessage());
        e = assertThrows(ModelFormatException.class, () -> new EmbeddingLookupOp().prepare(
                ctx(TensorType.FLOAT32, null, TensorType.FLOAT32, 2, 5)));
        assertTrue(e.getMessage().contains("rank 2 or more"), e.getMessage());
        OpFixture f = new OpFixture();
        int ids = f.unquantized(TensorType.INT64, 2);
        int v = f.constant(TensorType.FLOAT32, null, new byte[48], 3, 4);
        int out = f.unquantized(TensorType.FLOAT32, 2, 4);
        assertThrows(UnsupportedOperatorException.class, () -> new EmbeddingLookupOp().prepare(
                f.context(BuiltinOperator.EMBEDDING_LOOKUP, new int[] {ids, v}, new int[] {out}, 0, null)));
    }
}
