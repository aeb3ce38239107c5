/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.comparison;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.binary.SlowBinary;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ComparisonKernelTest {

    private static boolean slow(int op, double u, double v) {
        return switch (op) {
            case ComparisonKernel.EQUAL -> u == v;
            case ComparisonKernel.NOT_EQUAL -> u != v;
            case ComparisonKernel.GREATER -> u > v;
            case ComparisonKernel.GREATER_EQUAL -> u >= v;
            case ComparisonKernel.LESS -> u < v;
            default -> u <= v;
        };
    }

    @Test
    void quantizedRandomized() {
        Random r = new Random(14);
        for (int t = 0; t < 400; t++) {
            int op = r.nextInt(6);
            boolean unsigned = r.nextBoolean();
            int[][] sh = SlowBinary.randomShapes(r, 4);
            int[] out6 = SlowBinary.outShape6(sh[0], sh[1]);
            float s1 = r.nextInt(4) == 0 ? 0.05f : 0.001f + r.nextFloat() * 0.3f;
            float s2 = r.nextInt(4) == 0 ? 0.05f : 0.001f + r.nextFloat() * 0.3f;
            int z1 = r.nextInt(256) - (unsigned ? 0 : 128);
            int z2 = r.nextInt(256) - (unsigned ? 0 : 128);
            QuantizedMultiplier m1 = ComparisonPrepare.scaleMultiplier(s1);
            QuantizedMultiplier m2 = ComparisonPrepare.scaleMultiplier(s2);
            ComparisonParams p = new ComparisonParams(out6, SlowBinary.strides6(sh[0], out6),
                    SlowBinary.strides6(sh[1], out6), unsigned ? ComparisonKernel.UINT8 : ComparisonKernel.INT8, op, 8,
                    -z1, m1.multiplier(), m1.shift(), -z2, m2.multiplier(), m2.shift());
            int n = SlowBinary.count(out6);
            int a0 = 2;
            int b0 = a0 + SlowBinary.count(sh[0]);
            int o0 = b0 + SlowBinary.count(sh[1]) + 3;
            byte[] arena = new byte[o0 + n];
            r.nextBytes(arena);
            byte[] before = arena.clone();
            ComparisonKernel.run(p, new Slot[] {Slot.arena(a0), Slot.arena(b0)}, new Slot[] {Slot.arena(o0)},
                    arena, new byte[0]);
            int mask = unsigned ? 0xff : -1;
            for (int i = 0; i < n; i++) {
                int q1 = before[a0 + SlowBinary.source(i, out6, sh[0])] & mask;
                int q2 = before[b0 + SlowBinary.source(i, out6, sh[1])] & mask;
                int x1 = SlowBinary.mulSmaller((q1 - z1) << 8, m1.multiplier(), m1.shift());
                int x2 = SlowBinary.mulSmaller((q2 - z2) << 8, m2.multiplier(), m2.shift());
                assertEquals(slow(op, x1, x2) ? 1 : 0, arena[o0 + i], "case " + t + " element " + i);
                if (s1 == s2 && z1 == z2) { // one quantization: the stored order
                    assertEquals(slow(op, q1, q2) ? 1 : 0, arena[o0 + i], "case " + t + " raw order");
                }
            }
        }
    }

    @Test
    void rawTypes() {
        Random r = new Random(15);
        int[] types = {ComparisonKernel.INT16, ComparisonKernel.INT32, ComparisonKernel.INT64, ComparisonKernel.FLOAT32,
                ComparisonKernel.BOOL};
        int[] widths = {2, 4, 8, 4, 1};
        for (int t = 0; t < 300; t++) {
            int k = r.nextInt(types.length);
            int type = types[k];
            int w = widths[k];
            int op = r.nextInt(6);
            int[][] sh = SlowBinary.randomShapes(r, 4);
            int[] out6 = SlowBinary.outShape6(sh[0], sh[1]);
            ComparisonParams p = new ComparisonParams(out6, SlowBinary.strides6(sh[0], out6),
                    SlowBinary.strides6(sh[1], out6), type, op, 0, 0, 0, 0, 0, 0, 0);
            int n = SlowBinary.count(out6);
            int n1 = SlowBinary.count(sh[0]);
            int n2 = SlowBinary.count(sh[1]);
            byte[] arena = new byte[(n1 + n2) * w + n];
            ByteBuffer bb = ByteBuffer.wrap(arena).order(ByteOrder.LITTLE_ENDIAN);
            double[] vals = new double[n1 + n2];
            for (int e = 0; e < n1 + n2; e++) {
                int v = r.nextInt(5) - 2;
                double f = v == 2 && type == ComparisonKernel.FLOAT32 && r.nextInt(3) == 0 ? Double.NaN : v;
                if (type == ComparisonKernel.BOOL) {
                    f = v & 1;
                }
                vals[e] = f;
                switch (type) {
                    case ComparisonKernel.INT16 -> bb.putShort(e * w, (short) v);
                    case ComparisonKernel.INT32 -> bb.putInt(e * w, v);
                    case ComparisonKernel.INT64 -> bb.putLong(e * w, v * 0x100000000L);
                    case ComparisonKernel.FLOAT32 -> bb.putFloat(e * w, (float) f);
                    default -> arena[e] = (byte) (v & 1);
                }
            }
            ComparisonKernel.run(p, new Slot[] {Slot.arena(0), Slot.arena(n1 * w)},
                    new Slot[] {Slot.arena((n1 + n2) * w)}, arena, new byte[0]);
            for (int i = 0; i < n; i++) {
                double u = vals[SlowBinary.source(i, out6, sh[0])];
                double v = vals[n1 + SlowBinary.source(i, out6, sh[1])];
                assertEquals(slow(op, u, v) ? 1 : 0, arena[(n1 + n2) * w + i], "case " + t + " type " + type);
            }
        }
    }

    @Test
    void scalesOfOneOrMoreAreRefused() {
        assertNull(ComparisonPrepare.scaleMultiplier(1.0f));
        assertNull(ComparisonPrepare.scaleMultiplier(3.5f));
        assertNotNull(ComparisonPrepare.scaleMultiplier(0.999f));
        assertEquals(-6, ComparisonPrepare.scaleMultiplier(0.01f).shift());
    }

    @Test
    void typesPerOperatorFollowTflite() {
        assertEquals(true, ComparisonPrepare.types(ComparisonKernel.EQUAL).contains(dev.ember4j.core.TensorType.BOOL));
        assertEquals(false, ComparisonPrepare.types(ComparisonKernel.GREATER).contains(dev.ember4j.core.TensorType.BOOL));
        assertEquals(false, ComparisonPrepare.types(ComparisonKernel.NOT_EQUAL).contains(dev.ember4j.core.TensorType.INT16));
        assertEquals(true, ComparisonPrepare.types(ComparisonKernel.LESS).contains(dev.ember4j.core.TensorType.INT16));
        assertEquals(false, ComparisonPrepare.types(ComparisonKernel.LESS_EQUAL).contains(dev.ember4j.core.TensorType.INT16));
    }
}
