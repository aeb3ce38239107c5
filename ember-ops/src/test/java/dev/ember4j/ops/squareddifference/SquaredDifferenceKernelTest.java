/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.squareddifference;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.binary.SlowBinary;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SquaredDifferenceKernelTest {

    @Test
    void randomizedAgainstSlowArithmetic() {
        Random r = new Random(12);
        for (int t = 0; t < 300; t++) {
            int[][] sh = SlowBinary.randomShapes(r, 4);
            int[] out6 = SlowBinary.outShape6(sh[0], sh[1]);
            float s1 = 0.002f + r.nextFloat() * 0.05f;
            float s2 = 0.002f + r.nextFloat() * 0.05f;
            float so = 0.01f + r.nextFloat() * 0.5f;
            int z1 = r.nextInt(256) - 128;
            int z2 = r.nextInt(256) - 128;
            int zo = r.nextInt(256) - 128;
            int[] m = SquaredDifferenceOp.multipliers(s1, s2, so);
            assertNotNull(m);
            SquaredDifferenceParams p = new SquaredDifferenceParams(out6, SlowBinary.strides6(sh[0], out6),
                    SlowBinary.strides6(sh[1], out6), -z1, -z2, zo, 7, m[0], m[1], m[2], m[3], m[4], m[5]);
            int n1 = SlowBinary.count(sh[0]);
            int n2 = SlowBinary.count(sh[1]);
            int n = SlowBinary.count(out6);
            int a0 = 1;
            int b0 = a0 + n1;
            int o0 = b0 + n2 + 5;
            byte[] arena = new byte[o0 + n + 1];
            r.nextBytes(arena);
            byte[] before = arena.clone();
            SquaredDifferenceKernel.run(p, new Slot[] {Slot.arena(a0), Slot.arena(b0)}, new Slot[] {Slot.arena(o0)},
                    arena, new byte[0]);
            for (int i = 0; i < n; i++) {
                int q1 = before[a0 + SlowBinary.source(i, out6, sh[0])];
                int q2 = before[b0 + SlowBinary.source(i, out6, sh[1])];
                int d = SlowBinary.mulSmaller((q1 - z1) << 7, m[0], m[1]) - SlowBinary.mulSmaller((q2 - z2) << 7, m[2], m[3]);
                int raw = SlowBinary.mulSmaller(d * d, m[4], m[5]) + zo;
                assertEquals(Math.max(-128, Math.min(127, raw)), arena[o0 + i], "case " + t + " element " + i);
                double real = Math.pow(s1 * (q1 - z1) - s2 * (q2 - z2), 2) / so + zo;
                // 7 bits of headroom: the rescaled inputs lose up to half a step each
                double tol = 2 * Math.abs(s1 * (q1 - z1) - s2 * (q2 - z2)) * Math.max(s1, s2) / 64 / so + 1.01;
                assertTrue(Math.abs(Math.min(127, real) - arena[o0 + i]) <= tol, "case " + t + " real " + real);
            }
        }
    }

    @Test
    void refusesRescalingsTfliteRefuses() {
        assertNull(SquaredDifferenceOp.multipliers(0.5f, 0.5f, 1e-6f));
        assertNotNull(SquaredDifferenceOp.multipliers(0.01f, 0.02f, 0.01f));
    }
}
