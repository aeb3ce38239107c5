/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.broadcastargs;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpFixture;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BroadcastArgsTest {

    private static long[] run(long[] a, long[] b, boolean wide) {
        int w = wide ? 8 : 4;
        ByteBuffer x = ByteBuffer.allocate(w * a.length).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer y = ByteBuffer.allocate(w * b.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : a) {
            if (wide) { x.putLong(v); } else { x.putInt((int) v); }
        }
        for (long v : b) {
            if (wide) { y.putLong(v); } else { y.putInt((int) v); }
        }
        int n = Math.max(a.length, b.length);
        byte[] arena = new byte[w * n];
        BroadcastArgsKernel.run(new BroadcastArgsParams(a.length, b.length, wide),
                new Slot[] {Slot.constant(x.array()), Slot.constant(y.array())}, new Slot[] {Slot.arena(0)}, arena,
                new byte[0]);
        ByteBuffer o = ByteBuffer.wrap(arena).order(ByteOrder.LITTLE_ENDIAN);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = wide ? o.getLong(8 * i) : o.getInt(4 * i);
        }
        return out;
    }

    @Test
    void broadcastShapes() {
        assertArrayEquals(new long[] {5, 4, 3}, run(new long[] {4, 1}, new long[] {5, 1, 3}, false));
        assertArrayEquals(new long[] {2, 7}, run(new long[] {2, 7}, new long[] {1}, true));
        // incompatible dimensions (TFLite aborts): the first input's dimension
        assertArrayEquals(new long[] {6, 3}, run(new long[] {6, 3}, new long[] {4, 3}, false));
        // int64 dimensions pass through a C++ int: low 32 bits, sign-extended
        assertArrayEquals(new long[] {3, -1}, run(new long[] {(1L << 32) + 3, 0xffffffffL}, new long[] {1, 1}, true));
    }

    @Test
    void prepareChecks() {
        OpFixture f = new OpFixture();
        int a = f.unquantized(TensorType.INT32, 3);
        int b = f.unquantized(TensorType.INT64, 2);
        int y = f.unquantized(TensorType.INT32, 3);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> new BroadcastArgsOp().prepare(
                f.context(BuiltinOperator.BROADCAST_ARGS, new int[] {a, b}, new int[] {y}, 0, null)));
        assertTrue(e.getMessage().contains("BROADCAST_ARGS") && e.getMessage().contains("types differ"), e.getMessage());
        OpFixture g = new OpFixture();
        int ga = g.unquantized(TensorType.INT32, 3);
        int gb = g.unquantized(TensorType.INT32, 2);
        int gy = g.unquantized(TensorType.INT32, 2);
        e = assertThrows(ModelFormatException.class, () -> new BroadcastArgsOp().prepare(
                g.context(BuiltinOperator.BROADCAST_ARGS, new int[] {ga, gb}, new int[] {gy}, 0, null)));
        assertTrue(e.getMessage().contains("output"), e.getMessage());
        OpFixture h = new OpFixture();
        int ha = h.unquantized(TensorType.FLOAT32, 3);
        int hb = h.unquantized(TensorType.FLOAT32, 3);
        int hy = h.unquantized(TensorType.FLOAT32, 3);
        assertThrows(UnsupportedOperatorException.class, () -> new BroadcastArgsOp().prepare(
                h.context(BuiltinOperator.BROADCAST_ARGS, new int[] {ha, hb}, new int[] {hy}, 0, null)));
        OpFixture k = new OpFixture();
        int ka = k.unquantized(TensorType.INT32, 1, 3);
        int kb = k.unquantized(TensorType.INT32, 3);
        int ky = k.unquantized(TensorType.INT32, 3);
        e = assertThrows(ModelFormatException.class, () -> new BroadcastArgsOp().prepare(
                k.context(BuiltinOperator.BROADCAST_ARGS, new int[] {ka, kb}, new int[] {ky}, 0, null)));
        assertTrue(e.getMessage().contains("rank 1"), e.getMessage());
    }
}
