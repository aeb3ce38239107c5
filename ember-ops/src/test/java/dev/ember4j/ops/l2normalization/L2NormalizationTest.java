/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.l2normalization;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class L2NormalizationTest {

    private static byte[] run(byte[] x, int outer, int depth, int zp) {
        byte[] arena = new byte[x.length + 2];
        L2NormalizationKernel.run(new L2NormalizationParams(outer, depth, zp), new Slot[] {Slot.constant(x)},
                new Slot[] {Slot.arena(2)}, arena, new byte[0]);
        byte[] y = new byte[x.length];
        System.arraycopy(arena, 2, y, 0, y.length);
        return y;
    }

    @Test
    void inverseSqrtIsAccurate() {
        for (int acc = 2; acc < 3_000_000; acc = acc * 3 / 2 + 1) {
            long ms = L2NormalizationKernel.invSqrt(acc);
            int m = (int) (ms >> 32);
            int shift = (int) ms;
            assertTrue(shift <= 0);
            double value = m * Math.pow(2, shift - 31);
            assertEquals(1 / Math.sqrt(acc), value, 2e-5 / Math.sqrt(acc), "acc " + acc);
        }
        assertEquals(((long) Integer.MAX_VALUE << 32), L2NormalizationKernel.invSqrt(1));
        assertEquals(((long) Integer.MAX_VALUE << 32), L2NormalizationKernel.invSqrt(0));
    }

    @Test
    void knownRowsAndCloseToFloat() {
        // (3, 4) / 5 in Q0.7: 76.8 -> 77, 102.4 -> 102
        assertArrayEquals(new byte[] {77, 102}, run(new byte[] {13, 14}, 1, 2, 10));
        // a row at the zero point stays 0; a single nonzero saturates at 127 / -128
        assertArrayEquals(new byte[] {0, 0, 0}, run(new byte[] {-5, -5, -5}, 1, 3, -5));
        assertArrayEquals(new byte[] {127, 0, -128, 0}, run(new byte[] {9, 0, -9, 0}, 2, 2, 0));
        Random r = new Random(9);
        for (int trial = 0; trial < 200; trial++) {
            int depth = 1 + r.nextInt(40);
            int zp = r.nextInt(256) - 128;
            byte[] x = new byte[depth];
            r.nextBytes(x);
            byte[] y = run(x, 1, depth, zp);
            double sum = 0;
            for (byte v : x) {
                sum += (double) (v - zp) * (v - zp);
            }
            for (int i = 0; i < depth; i++) {
                double want = sum == 0 ? 0 : Math.max(-128, Math.min(127, (x[i] - zp) / Math.sqrt(sum) * 128));
                assertEquals(want, y[i], 1.0, "trial " + trial + " element " + i);
            }
        }
    }

    private static OpContext ctx(float outScale, int outZp, int act, int... shape) {
        OpFixture f = new OpFixture();
        int in = f.tensor(TensorType.INT8, 0.1f, 3, shape);
        int out = f.tensor(TensorType.INT8, outScale, outZp, shape);
        return f.context(BuiltinOperator.L2_NORMALIZATION, new int[] {in}, new int[] {out}, 12,
                OpFixture.options(act));
    }

    @Test
    void prepare() {
        L2NormalizationParams p = (L2NormalizationParams) new L2NormalizationOp().prepare(
                ctx(1f / 128, 0, 0, 2, 3, 5)).params();
        assertEquals(6, p.outer());
        assertEquals(5, p.depth());
        assertEquals(3, p.inputZeroPoint());
        assertThrows(ModelFormatException.class, () -> new L2NormalizationOp().prepare(ctx(1f / 127, 0, 0, 4)));
        assertThrows(ModelFormatException.class, () -> new L2NormalizationOp().prepare(ctx(1f / 128, 1, 0, 4)));
        assertThrows(ModelFormatException.class, () -> new L2NormalizationOp().prepare(ctx(1f / 128, 0, 1, 4)));
        assertThrows(ModelFormatException.class,
                () -> new L2NormalizationOp().prepare(ctx(1f / 128, 0, 0, 1, 1, 1, 1, 4)));
    }
}
