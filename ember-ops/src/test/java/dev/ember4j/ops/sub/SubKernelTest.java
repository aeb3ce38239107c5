/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sub;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.binary.SlowBinary;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubKernelTest {

    @Test
    void randomizedAgainstSlowArithmetic() {
        Random r = new Random(11);
        for (int t = 0; t < 300; t++) {
            int[][] sh = SlowBinary.randomShapes(r, 4);
            int[] out6 = SlowBinary.outShape6(sh[0], sh[1]);
            float s1 = 0.002f + r.nextFloat() * 0.1f;
            float s2 = 0.002f + r.nextFloat() * 0.1f;
            float so = 0.002f + r.nextFloat() * 0.2f;
            int z1 = r.nextInt(256) - 128;
            int z2 = r.nextInt(256) - 128;
            int zo = r.nextInt(256) - 128;
            int lo = r.nextBoolean() ? -128 : r.nextInt(100) - 128;
            int hi = r.nextBoolean() ? 127 : r.nextInt(100) + 27;
            int[] m = SubOp.multipliers(s1, s2, so);
            assertNotNull(m);
            SubParams p = new SubParams(out6, SlowBinary.strides6(sh[0], out6), SlowBinary.strides6(sh[1], out6),
                    -z1, -z2, zo, 20, m[0], m[1], m[2], m[3], m[4], m[5], lo, hi);
            int n1 = SlowBinary.count(sh[0]);
            int n2 = SlowBinary.count(sh[1]);
            int n = SlowBinary.count(out6);
            int a0 = 3;
            int b0 = a0 + n1 + 2;
            int o0 = b0 + n2 + 1;
            byte[] arena = new byte[o0 + n + 4];
            r.nextBytes(arena);
            byte[] before = arena.clone();
            SubKernel.run(p, new Slot[] {Slot.arena(a0), Slot.arena(b0)}, new Slot[] {Slot.arena(o0)}, arena,
                    new byte[0]);
            for (int i = 0; i < n; i++) {
                int q1 = before[a0 + SlowBinary.source(i, out6, sh[0])];
                int q2 = before[b0 + SlowBinary.source(i, out6, sh[1])];
                int x1 = SlowBinary.mulSmaller((q1 - z1) << 20, m[0], m[1]);
                int x2 = SlowBinary.mulSmaller((q2 - z2) << 20, m[2], m[3]);
                int raw = SlowBinary.mulSmaller(x1 + x2, m[4], m[5]) + zo;
                int want = Math.max(lo, Math.min(hi, raw));
                assertEquals(want, arena[o0 + i], "case " + t + " element " + i);
                // and close to the real difference
                double real = (s1 * (q1 - z1) - s2 * (q2 - z2)) / so + zo;
                double clamped = Math.max(lo, Math.min(hi, real));
                assertTrue(Math.abs(clamped - arena[o0 + i]) <= 1.01, "case " + t + " element " + i + " real " + real);
            }
            assertEquals(before[o0 + n], arena[o0 + n], "wrote past the output");
        }
    }

    @Test
    void refusesRescalingsTfliteRefuses() {
        // output scale so small that twice the input scale over 2^20 output scales reaches 1
        assertNull(SubOp.multipliers(0.5f, 0.5f, 1e-7f));
        assertNotNull(SubOp.multipliers(0.5f, 0.5f, 1e-5f));
        // input 2's multiplier is negated, input 1's is not
        int[] m = SubOp.multipliers(0.1f, 0.05f, 0.1f);
        assertTrue(m[0] > 0 && m[2] < 0);
    }
}
