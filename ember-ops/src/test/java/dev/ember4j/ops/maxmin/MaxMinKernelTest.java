/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.maxmin;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.binary.SlowBinary;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaxMinKernelTest {

    /** Element i of a little-endian array of the type, as a double (exact for every type here but large int64). */
    private static double read(byte[] a, int start, int i, int type) {
        ByteBuffer b = ByteBuffer.wrap(a).order(ByteOrder.LITTLE_ENDIAN);
        int w = MaxMinKernel.bytes(type);
        int at = start + i * w;
        return switch (type) {
            case MaxMinKernel.INT8 -> a[at];
            case MaxMinKernel.UINT8 -> a[at] & 0xff;
            case MaxMinKernel.INT16 -> b.getShort(at);
            case MaxMinKernel.INT32 -> b.getInt(at);
            case MaxMinKernel.FLOAT32 -> b.getFloat(at);
            default -> b.getLong(at);
        };
    }

    @Test
    void randomizedEveryType() {
        Random r = new Random(13);
        for (int t = 0; t < 400; t++) {
            int type = r.nextInt(6);
            boolean max = r.nextBoolean();
            int w = MaxMinKernel.bytes(type);
            int[][] sh = SlowBinary.randomShapes(r, 5);
            int[] out6 = SlowBinary.outShape6(sh[0], sh[1]);
            MaxMinParams p = new MaxMinParams(out6, SlowBinary.strides6(sh[0], out6),
                    SlowBinary.strides6(sh[1], out6), type, max);
            int n = SlowBinary.count(out6);
            int a0 = w;
            int b0 = a0 + SlowBinary.count(sh[0]) * w;
            int o0 = b0 + SlowBinary.count(sh[1]) * w + 2 * w;
            byte[] arena = new byte[o0 + n * w];
            r.nextBytes(arena);
            if (type == MaxMinKernel.FLOAT32) { // finite floats, some equal
                ByteBuffer bb = ByteBuffer.wrap(arena).order(ByteOrder.LITTLE_ENDIAN);
                for (int k = 0; k + 4 <= arena.length; k += 4) {
                    bb.putFloat(k, (r.nextInt(9) - 4) * 0.5f);
                }
            }
            byte[] before = arena.clone();
            MaxMinKernel.run(p, new Slot[] {Slot.arena(a0), Slot.arena(b0)}, new Slot[] {Slot.arena(o0)}, arena,
                    new byte[0]);
            for (int i = 0; i < n; i++) {
                double u = read(before, a0, SlowBinary.source(i, out6, sh[0]), type);
                double v = read(before, b0, SlowBinary.source(i, out6, sh[1]), type);
                double want = max ? Math.max(u, v) : Math.min(u, v);
                if (type == MaxMinKernel.INT64) { // compare the exact longs
                    long lu = ByteBuffer.wrap(before).order(ByteOrder.LITTLE_ENDIAN)
                            .getLong(a0 + 8 * SlowBinary.source(i, out6, sh[0]));
                    long lv = ByteBuffer.wrap(before).order(ByteOrder.LITTLE_ENDIAN)
                            .getLong(b0 + 8 * SlowBinary.source(i, out6, sh[1]));
                    long got = ByteBuffer.wrap(arena).order(ByteOrder.LITTLE_ENDIAN).getLong(o0 + 8 * i);
                    assertEquals(max ? Math.max(lu, lv) : Math.min(lu, lv), got, "case " + t);
                } else {
                    assertEquals(want, read(arena, o0, i, type), "case " + t + " type " + type + " element " + i);
                }
            }
        }
    }
}
