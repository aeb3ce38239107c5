/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reversev2;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReverseV2Test {

    private static OpContext ctx(TensorType type, int[] axes, int... shape) {
        OpFixture f = new OpFixture();
        int in = f.unquantized(type, shape);
        int a = f.int32Constant(axes, axes.length);
        int out = f.unquantized(type, shape);
        return f.context(BuiltinOperator.REVERSE_V2, new int[] {in, a}, new int[] {out}, 0, null);
    }

    /** Every element lands where flipping each listed axis puts it (index arithmetic over a rank-4 shape). */
    @Test
    void randomizedAgainstIndexFlip() {
        Random r = new Random(8);
        for (int t = 0; t < 200; t++) {
            int[] s = {1 + r.nextInt(3), 1 + r.nextInt(4), 1 + r.nextInt(3), 1 + r.nextInt(4)};
            int first = r.nextInt(4);
            int last = first + r.nextInt(4 - first);
            int[] axes = new int[last - first + 1];
            for (int i = 0; i < axes.length; i++) {
                axes[i] = first + i - (r.nextBoolean() ? 4 : 0); // some negative
            }
            ReverseV2Params p = (ReverseV2Params) new ReverseV2Op().prepare(ctx(TensorType.INT16, axes, s)).params();
            int n = s[0] * s[1] * s[2] * s[3];
            byte[] x = new byte[2 * n];
            for (int i = 0; i < n; i++) {
                x[2 * i] = (byte) i;
                x[2 * i + 1] = (byte) (i >> 8);
            }
            byte[] arena = new byte[2 * n + 2];
            ReverseV2Kernel.run(p, new Slot[] {Slot.constant(x)}, new Slot[] {Slot.arena(2)}, arena, new byte[0]);
            for (int i = 0; i < n; i++) {
                int[] idx = {i / (s[1] * s[2] * s[3]), i / (s[2] * s[3]) % s[1], i / s[3] % s[2], i % s[3]};
                for (int d = first; d <= last; d++) {
                    idx[d] = s[d] - 1 - idx[d];
                }
                int src = ((idx[0] * s[1] + idx[1]) * s[2] + idx[2]) * s[3] + idx[3];
                int got = (arena[2 + 2 * i] & 0xff) | (arena[3 + 2 * i] & 0xff) << 8;
                assertEquals(src, got, "case " + t + " element " + i);
            }
        }
    }

    @Test
    void refusals() {
        UnsupportedOperatorException u = assertThrows(UnsupportedOperatorException.class,
                () -> new ReverseV2Op().prepare(ctx(TensorType.FLOAT32, new int[] {0, 2}, 2, 3, 4)));
        assertTrue(u.getMessage().contains("REVERSE_V2") && u.getMessage().contains("contiguous"), u.getMessage());
        assertThrows(UnsupportedOperatorException.class,
                () -> new ReverseV2Op().prepare(ctx(TensorType.FLOAT32, new int[] {1, 1}, 2, 3, 4)));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> new ReverseV2Op().prepare(ctx(TensorType.INT8, new int[] {3}, 2, 3, 4)));
        assertTrue(e.getMessage().contains("axis 3 is out of range"), e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> new ReverseV2Op().prepare(ctx(TensorType.INT8, new int[] {0, 1, 2}, 2, 3)));
        assertTrue(e.getMessage().contains("holds 3 axes"), e.getMessage());
        assertThrows(UnsupportedOperatorException.class,
                () -> new ReverseV2Op().prepare(ctx(TensorType.FLOAT16, new int[] {0}, 2, 3)));
        OpFixture f = new OpFixture();
        int in = f.unquantized(TensorType.INT32, 2, 3);
        int a = f.int32Constant(new int[] {0}, 1);
        int out = f.unquantized(TensorType.INT32, 3, 2);
        e = assertThrows(ModelFormatException.class, () -> new ReverseV2Op().prepare(
                f.context(BuiltinOperator.REVERSE_V2, new int[] {in, a}, new int[] {out}, 0, null)));
        assertTrue(e.getMessage().contains("output"), e.getMessage());
    }
}
