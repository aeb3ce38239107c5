/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.prelu;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.MultiInputContexts;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.ember4j.tflite.prepare.TestContexts.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreluTest {

    private static Prepared prepare(int[] inShape, int[] alphaShape, int[] outShape) {
        return new PreluOp().prepare(MultiInputContexts.of(BuiltinOperator.PRELU,
                tensor(0, TensorType.INT8, 0.05f, 3, inShape),
                tensor(1, TensorType.INT8, 0.01f, -7, alphaShape),
                tensor(2, TensorType.INT8, 0.04f, -2, outShape)));
    }

    /** Output by an independent walk: 4-D subscripts, alpha indexed modulo its own (broadcast) dims, real math. */
    @Test
    void broadcastKernelMatchesSlowRealArithmetic() {
        int[] in = {2, 3, 4, 5};
        int[] al = {1, 4, 1};
        PreluParams p = (PreluParams) prepare(in, al, in).params();
        Random r = new Random(7);
        byte[] x = new byte[120];
        byte[] a = new byte[4];
        r.nextBytes(x);
        r.nextBytes(a);
        byte[] y = new byte[120];
        PreluKernel.run(p, new Slot[] {Slot.constant(x), Slot.constant(a)}, new Slot[] {Slot.arena(0)}, y, null);
        int mismatches = 0;
        for (int b = 0; b < 2; b++) {
            for (int h = 0; h < 3; h++) {
                for (int w = 0; w < 4; w++) {
                    for (int c = 0; c < 5; c++) {
                        int i = ((b * 3 + h) * 4 + w) * 5 + c;
                        double xv = 0.05 * (x[i] - 3);
                        double av = 0.01 * (a[w] + 7);
                        double real = xv >= 0 ? xv : xv * av;
                        long expected = Math.max(-128, Math.min(127, Math.round(real / 0.04) - 2));
                        assertEquals(expected, y[i], 1.0, "element " + i);
                        if (expected != y[i]) {
                            mismatches++;
                        }
                        assertEquals(PreluKernel.apply(p, x[i], a[w]), y[i], "element " + i);
                    }
                }
            }
        }
        assertEquals(0, mismatches, 10);
    }

    @Test
    void sameShapeNeedsNoBroadcastAndAnyRank() {
        int[] s = {1, 2, 1, 1, 1, 3};
        PreluParams p = (PreluParams) prepare(s, s, s).params();
        byte[] x = {-128, -5, 3, 127, 0, -60, 10, 20, 30, -40, -50, -60};
        byte[] y = new byte[12];
        PreluKernel.run(p, new Slot[] {Slot.arena(0), Slot.arena(6)}, new Slot[] {Slot.constant(y)}, x, null);
        byte[] expected = new byte[6];
        for (int i = 0; i < 6; i++) {
            expected[i] = (byte) PreluKernel.apply(p, x[i], x[6 + i]);
        }
        assertArrayEquals(expected, java.util.Arrays.copyOf(y, 6));
    }

    @Test
    void refusals() {
        // broadcasting beyond rank 4 (TFLite's broadcasting kernel is 4-D)
        assertThrows(UnsupportedOperatorException.class,
                () -> prepare(new int[] {1, 2, 2, 2, 3}, new int[] {3}, new int[] {1, 2, 2, 2, 3}));
        // alpha larger than the input: the output would not have the input's shape
        assertThrows(ModelFormatException.class, () -> prepare(new int[] {2, 1}, new int[] {2, 3}, new int[] {2, 3}));
        assertThrows(ModelFormatException.class, () -> prepare(new int[] {2, 3}, new int[] {4}, new int[] {2, 3}));
        assertThrows(UnsupportedOperatorException.class, () -> new PreluOp().prepare(MultiInputContexts.of(
                BuiltinOperator.PRELU, tensor(0, TensorType.UINT8, 0.05f, 3, 4),
                tensor(1, TensorType.UINT8, 0.01f, 7, 4), tensor(2, TensorType.UINT8, 0.04f, 2, 4))));
    }
}
