/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floormod;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.binary.SlowBinary;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FloorModKernelTest {

    private static long read(ByteBuffer b, int type, int i) {
        return switch (type) {
            case FloorModKernel.INT8 -> b.get(i);
            case FloorModKernel.INT16 -> b.getShort(2 * i);
            case FloorModKernel.INT64 -> b.getLong(8 * i);
            default -> b.getInt(4 * i);
        };
    }

    private static void write(ByteBuffer b, int type, int i, long v) {
        switch (type) {
            case FloorModKernel.INT8 -> b.put(i, (byte) v);
            case FloorModKernel.INT16 -> b.putShort(2 * i, (short) v);
            case FloorModKernel.INT64 -> b.putLong(8 * i, v);
            default -> b.putInt(4 * i, (int) v);
        }
    }

    private static ByteBuffer run(FloorModParams p, int[] s1, int[] s2, ByteBuffer a, ByteBuffer b) {
        int w = FloorModKernel.bytes(p.type());
        int n1 = SlowBinary.count(s1);
        int n2 = SlowBinary.count(s2);
        int n = SlowBinary.count(p.outputShape());
        byte[] arena = new byte[w * (n1 + n2 + n) + 2 * w];
        System.arraycopy(a.array(), 0, arena, w, w * n1);
        System.arraycopy(b.array(), 0, arena, w + w * n1, w * n2);
        int o0 = 2 * w + w * (n1 + n2);
        FloorModKernel.run(p, new Slot[] {Slot.arena(w), Slot.arena(w + w * n1)}, new Slot[] {Slot.arena(o0)},
                arena, new byte[0]);
        return ByteBuffer.wrap(arena, o0, w * n).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void randomizedIntegersAgainstBigIntegerMod() {
        Random r = new Random(5);
        long[] mins = {Byte.MIN_VALUE, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE};
        for (int t = 0; t < 300; t++) {
            int type = r.nextInt(4);
            int[][] sh = SlowBinary.randomShapes(r, 4);
            int[] out6 = SlowBinary.outShape6(sh[0], sh[1]);
            FloorModParams p = new FloorModParams(out6, SlowBinary.strides6(sh[0], out6),
                    SlowBinary.strides6(sh[1], out6), type);
            int w = FloorModKernel.bytes(type);
            long min = mins[type];
            long max = -(min + 1);
            ByteBuffer a = ByteBuffer.allocate(w * SlowBinary.count(sh[0])).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer b = ByteBuffer.allocate(w * SlowBinary.count(sh[1])).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < SlowBinary.count(sh[0]); i++) {
                write(a, type, i, r.nextInt(5) == 0 ? min : r.nextInt(5) == 0 ? max : r.nextInt(101) - 50);
            }
            for (int i = 0; i < SlowBinary.count(sh[1]); i++) {
                write(b, type, i, r.nextInt(5) == 0 ? (r.nextBoolean() ? max : min) : r.nextInt(15) - 7);
            }
            ByteBuffer y = run(p, sh[0], sh[1], a, b);
            for (int i = 0; i < SlowBinary.count(out6); i++) {
                long u = read(a, type, SlowBinary.source(i, out6, sh[0]));
                long v = read(b, type, SlowBinary.source(i, out6, sh[1]));
                long want;
                if (v == 0) {
                    want = 0;
                } else {
                    // floor modulo: u - v * floor(u / v), sign of v
                    BigInteger bv = BigInteger.valueOf(v);
                    BigInteger m = BigInteger.valueOf(u).mod(bv.abs());
                    if (v < 0 && m.signum() != 0) {
                        m = m.add(bv);
                    }
                    want = m.longValueExact();
                }
                assertEquals(want, read(y, type, i), "case " + t + " type " + type + " element " + i);
            }
        }
    }

    @Test
    void floats() {
        float[] u = {-0.5f, 2.5f, -3f, 5.5f, 1f, -2.5f, 7f, -7f, 1e-30f};
        float[] v = {2f, -2f, 3f, -2f, 0f, 2f, -0f, 3f, -1f};
        float[] want = {1.5f, -1.5f, -0f, -0.5f, Float.NaN, 1.5f, Float.NaN, 2f, -1f};
        int[] s = {u.length};
        int[] out6 = SlowBinary.outShape6(s, s);
        FloorModParams p = new FloorModParams(out6, SlowBinary.strides6(s, out6), SlowBinary.strides6(s, out6),
                FloorModKernel.FLOAT32);
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
        assertEquals(Float.floatToRawIntBits(-0f), y.getInt(8));
    }
}
