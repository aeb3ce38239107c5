/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floordiv;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.binary.SlowBinary;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FloorDivKernelTest {

    private static long read(ByteBuffer b, int type, int i) {
        return switch (type) {
            case FloorDivKernel.INT8 -> b.get(i);
            case FloorDivKernel.INT16 -> b.getShort(2 * i);
            default -> b.getInt(4 * i);
        };
    }

    private static void write(ByteBuffer b, int type, int i, long v) {
        switch (type) {
            case FloorDivKernel.INT8 -> b.put(i, (byte) v);
            case FloorDivKernel.INT16 -> b.putShort(2 * i, (short) v);
            default -> b.putInt(4 * i, (int) v);
        }
    }

    private static ByteBuffer run(FloorDivParams p, int[] s1, int[] s2, ByteBuffer a, ByteBuffer b) {
        int w = FloorDivKernel.bytes(p.type());
        int n1 = SlowBinary.count(s1);
        int n2 = SlowBinary.count(s2);
        int n = SlowBinary.count(p.outputShape());
        byte[] arena = new byte[w * (n1 + n2 + n) + 2 * w];
        System.arraycopy(a.array(), 0, arena, w, w * n1);
        System.arraycopy(b.array(), 0, arena, w + w * n1, w * n2);
        int o0 = 2 * w + w * (n1 + n2);
        FloorDivKernel.run(p, new Slot[] {Slot.arena(w), Slot.arena(w + w * n1)}, new Slot[] {Slot.arena(o0)},
                arena, new byte[0]);
        return ByteBuffer.wrap(arena, o0, w * n).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void randomizedIntegersAgainstFloorDiv() {
        Random r = new Random(99);
        for (int t = 0; t < 300; t++) {
            int type = r.nextInt(3);
            int[][] sh = SlowBinary.randomShapes(r, 4);
            boolean same = java.util.Arrays.equals(sh[0], sh[1]);
            int[] out6 = SlowBinary.outShape6(sh[0], sh[1]);
            int n = SlowBinary.count(out6);
            int sat = same && type != FloorDivKernel.INT32 ? n - n % 8 : 0;
            FloorDivParams p = new FloorDivParams(out6, SlowBinary.strides6(sh[0], out6),
                    SlowBinary.strides6(sh[1], out6), type, sat);
            int w = FloorDivKernel.bytes(type);
            long min = type == FloorDivKernel.INT8 ? Byte.MIN_VALUE
                    : type == FloorDivKernel.INT16 ? Short.MIN_VALUE : Integer.MIN_VALUE;
            long max = -min - 1;
            ByteBuffer a = ByteBuffer.allocate(w * SlowBinary.count(sh[0])).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer b = ByteBuffer.allocate(w * SlowBinary.count(sh[1])).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < SlowBinary.count(sh[0]); i++) {
                write(a, type, i, r.nextInt(4) == 0 ? min : r.nextInt(4) == 0 ? max : r.nextInt(61) - 30);
            }
            for (int i = 0; i < SlowBinary.count(sh[1]); i++) {
                write(b, type, i, r.nextInt(4) == 0 ? -1 : r.nextInt(11) - 5);
            }
            ByteBuffer y = run(p, sh[0], sh[1], a, b);
            for (int i = 0; i < n; i++) {
                long u = read(a, type, SlowBinary.source(i, out6, sh[0]));
                long v = read(b, type, SlowBinary.source(i, out6, sh[1]));
                long want = v == 0 ? 0 : Math.floorDiv(u, v);
                if (want > max) { // only MIN / -1
                    want = type == FloorDivKernel.INT32 || i >= sat ? min : max;
                }
                assertEquals(want, read(y, type, i), "case " + t + " type " + type + " element " + i);
            }
        }
    }

    @Test
    void floats() {
        float[] u = {-7f, 7f, -7.5f, 7.5f, 0f, 1f, -1f, 0f, 1e30f};
        float[] v = {2f, -2f, 2f, 2f, -3f, 0f, 0f, 0f, 1e-30f};
        float[] want = {-4f, -4f, -4f, 3f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
                (float) Math.floor(1e30 / 1e-30)};
        int[] s = {u.length};
        int[] out6 = SlowBinary.outShape6(s, s);
        FloorDivParams p = new FloorDivParams(out6, SlowBinary.strides6(s, out6), SlowBinary.strides6(s, out6),
                FloorDivKernel.FLOAT32, 0);
        ByteBuffer a = ByteBuffer.allocate(4 * u.length).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.allocate(4 * u.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < u.length; i++) {
            a.putFloat(4 * i, u[i]);
            b.putFloat(4 * i, v[i]);
        }
        ByteBuffer y = run(p, s, s, a, b);
        for (int i = 0; i < u.length; i++) {
            assertEquals(want[i], y.getFloat(4 * i), "element " + i);
        }
        assertEquals(Float.floatToRawIntBits(-0f), y.getInt(16));
    }
}
