/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.div;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.binary.SlowBinary;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DivKernelTest {

    private static final int[][] INT_RANGES = {
            {Integer.MIN_VALUE, Integer.MAX_VALUE}, {0, Integer.MAX_VALUE}, {0, 6}, {-1, 1}};
    private static final float[][] FLOAT_RANGES = {{-Float.MAX_VALUE, Float.MAX_VALUE}, {0f, Float.MAX_VALUE},
            {0f, 6f}, {-1f, 1f}};

    /** Runs DIV over two flat 4-byte arrays with the given shapes; returns the output bytes. */
    private static ByteBuffer run(DivParams p, int[] s1, int[] s2, ByteBuffer a, ByteBuffer b) {
        int n1 = SlowBinary.count(s1);
        int n2 = SlowBinary.count(s2);
        int n = SlowBinary.count(p.outputShape());
        byte[] arena = new byte[4 * (n1 + n2 + n) + 8];
        System.arraycopy(a.array(), 0, arena, 4, 4 * n1);
        System.arraycopy(b.array(), 0, arena, 4 + 4 * n1, 4 * n2);
        int o0 = 8 + 4 * (n1 + n2);
        DivKernel.run(p, new Slot[] {Slot.arena(4), Slot.arena(4 + 4 * n1)}, new Slot[] {Slot.arena(o0)}, arena,
                new byte[0]);
        return ByteBuffer.wrap(arena, o0, 4 * n).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static DivParams params(int[] s1, int[] s2, boolean isFloat, int act) {
        int[] out6 = SlowBinary.outShape6(s1, s2);
        return new DivParams(out6, SlowBinary.strides6(s1, out6), SlowBinary.strides6(s2, out6), isFloat,
                INT_RANGES[act][0], INT_RANGES[act][1], FLOAT_RANGES[act][0], FLOAT_RANGES[act][1]);
    }

    @Test
    void randomizedAgainstSlowDivision() {
        Random r = new Random(42);
        for (int t = 0; t < 300; t++) {
            boolean isFloat = r.nextBoolean();
            int act = r.nextInt(4);
            int[][] sh = SlowBinary.randomShapes(r, 5);
            DivParams p = params(sh[0], sh[1], isFloat, act);
            int n1 = SlowBinary.count(sh[0]);
            int n2 = SlowBinary.count(sh[1]);
            ByteBuffer a = ByteBuffer.allocate(4 * n1).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer b = ByteBuffer.allocate(4 * n2).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n1; i++) {
                if (isFloat) {
                    a.putFloat(4 * i, (float) (r.nextGaussian() * 10));
                } else {
                    a.putInt(4 * i, r.nextInt(5) == 0 ? r.nextInt() : r.nextInt(201) - 100);
                }
            }
            for (int i = 0; i < n2; i++) {
                if (isFloat) {
                    b.putFloat(4 * i, r.nextInt(6) == 0 ? 0f : (float) (r.nextGaussian() * 3));
                } else {
                    b.putInt(4 * i, r.nextInt(15) - 7);
                }
            }
            ByteBuffer y = run(p, sh[0], sh[1], a, b);
            int n = SlowBinary.count(p.outputShape());
            for (int i = 0; i < n; i++) {
                int i1 = SlowBinary.source(i, p.outputShape(), sh[0]);
                int i2 = SlowBinary.source(i, p.outputShape(), sh[1]);
                if (isFloat) {
                    double q = (double) a.getFloat(4 * i1) / b.getFloat(4 * i2); // exact quotient, rounded once
                    float want = (float) q;
                    if (!Float.isNaN(want)) {
                        want = Math.max(FLOAT_RANGES[act][0], Math.min(FLOAT_RANGES[act][1], want));
                    }
                    float got = y.getFloat(4 * i);
                    if (want == 0f && got == 0f) {
                        continue; // sign of zero checked separately
                    }
                    assertEquals(want, got, "case " + t + " element " + i);
                } else {
                    long v = b.getInt(4 * i2);
                    long q = v == 0 ? 0 : (long) a.getInt(4 * i1) / v;
                    long want = Math.max(INT_RANGES[act][0], Math.min(INT_RANGES[act][1], q));
                    assertEquals(want, y.getInt(4 * i), "case " + t + " element " + i);
                }
            }
        }
    }

    @Test
    void edgeCases() {
        int[] s = {6};
        ByteBuffer a = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        float[] fa = {1f, -1f, 0f, -3f, 7f, -0f};
        float[] fb = {0f, 0f, 0f, 2f, -2f, 5f};
        for (int i = 0; i < 6; i++) {
            a.putFloat(4 * i, fa[i]);
            b.putFloat(4 * i, fb[i]);
        }
        ByteBuffer y = run(params(s, s, true, 0), s, s, a, b);
        assertEquals(Float.MAX_VALUE, y.getFloat(0));
        assertEquals(-Float.MAX_VALUE, y.getFloat(4));
        assertEquals(Float.NaN, y.getFloat(8));
        assertEquals(-1.5f, y.getFloat(12));
        y = run(params(s, s, true, 1), s, s, a, b); // RELU: NaN passes, -0.0 is kept (std::max)
        assertEquals(Float.MAX_VALUE, y.getFloat(0));
        assertEquals(0f, y.getFloat(4));
        assertEquals(Float.NaN, y.getFloat(8));
        assertEquals(0f, y.getFloat(12));
        assertEquals(0f, y.getFloat(16));
        assertEquals(Float.floatToRawIntBits(-0f), y.getInt(20));
        int[] ia = {7, -7, Integer.MIN_VALUE, 5, -9, 9};
        int[] ib = {2, 2, -1, 0, 4, -4};
        for (int i = 0; i < 6; i++) {
            a.putInt(4 * i, ia[i]);
            b.putInt(4 * i, ib[i]);
        }
        y = run(params(s, s, false, 0), s, s, a, b);
        int[] want = {3, -3, Integer.MIN_VALUE, 0, -2, -2};
        for (int i = 0; i < 6; i++) {
            assertEquals(want[i], y.getInt(4 * i), "element " + i);
        }
    }
}
