/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logical;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.binary.SlowBinary;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpFixture;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogicalKernelTest {

    @Test
    void randomizedBroadcastAgainstElementwiseDefinition() {
        Random r = new Random(21);
        for (int t = 0; t < 300; t++) {
            int[][] sh = SlowBinary.randomShapes(r, 4);
            int[] out6 = SlowBinary.outShape6(sh[0], sh[1]);
            boolean or = r.nextBoolean();
            LogicalParams p = new LogicalParams(out6, SlowBinary.strides6(sh[0], out6), SlowBinary.strides6(sh[1], out6), or);
            int n1 = SlowBinary.count(sh[0]);
            int n2 = SlowBinary.count(sh[1]);
            int n = SlowBinary.count(out6);
            byte[] a = new byte[n1];
            byte[] b = new byte[n2];
            for (int i = 0; i < n1; i++) {
                a[i] = (byte) r.nextInt(2);
            }
            for (int i = 0; i < n2; i++) {
                b[i] = (byte) r.nextInt(2);
            }
            byte[] arena = new byte[n + 3];
            LogicalKernel.run(p, new Slot[] {Slot.constant(a), Slot.constant(b)}, new Slot[] {Slot.arena(3)}, arena,
                    new byte[0]);
            for (int i = 0; i < n; i++) {
                boolean u = a[SlowBinary.source(i, out6, sh[0])] != 0;
                boolean v = b[SlowBinary.source(i, out6, sh[1])] != 0;
                assertEquals(or ? u || v : u && v, arena[3 + i] == 1, "case " + t + " element " + i);
            }
        }
    }

    @Test
    void notFlipsEveryByte() {
        byte[] x = {0, 1, 1, 0, 0};
        byte[] arena = new byte[6];
        LogicalKernel.not(new NotParams(5), new Slot[] {Slot.constant(x)}, new Slot[] {Slot.arena(1)}, arena, new byte[0]);
        assertEquals("[0, 1, 0, 0, 1, 1]", java.util.Arrays.toString(arena));
    }

    @Test
    void prepareChecksTypesAndShapes() {
        OpFixture f = new OpFixture();
        int a = f.unquantized(TensorType.BOOL, 2, 1, 3);
        int b = f.unquantized(TensorType.BOOL, 4, 1);
        int y = f.unquantized(TensorType.BOOL, 2, 4, 3);
        LogicalParams p = LogicalPrepare.prepare(f.context(BuiltinOperator.LOGICAL_AND, new int[] {a, b},
                new int[] {y}, 0, null), false);
        assertEquals(24, SlowBinary.count(p.outputShape()));

        OpFixture g = new OpFixture();
        int i8 = g.tensor(TensorType.INT8, 0.1f, 0, 3);
        int bb = g.unquantized(TensorType.BOOL, 3);
        int out = g.unquantized(TensorType.BOOL, 3);
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class, () -> new LogicalOrOp()
                .prepare(g.context(BuiltinOperator.LOGICAL_OR, new int[] {i8, bb}, new int[] {out}, 0, null)));
        assertTrue(e.getMessage().contains("LOGICAL_OR") && e.getMessage().contains("INT8"), e.getMessage());

        OpFixture h = new OpFixture();
        int x1 = h.unquantized(TensorType.BOOL, 3);
        int x2 = h.unquantized(TensorType.BOOL, 3);
        int wrong = h.unquantized(TensorType.INT32, 3);
        ModelFormatException m = assertThrows(ModelFormatException.class, () -> new LogicalAndOp()
                .prepare(h.context(BuiltinOperator.LOGICAL_AND, new int[] {x1, x2}, new int[] {wrong}, 0, null)));
        assertTrue(m.getMessage().contains("writes BOOL"), m.getMessage());

        OpFixture k = new OpFixture();
        int r5a = k.unquantized(TensorType.BOOL, 2, 1, 1, 1, 3);
        int r5b = k.unquantized(TensorType.BOOL, 1, 1, 1, 2, 1);
        int r5y = k.unquantized(TensorType.BOOL, 2, 1, 1, 2, 3);
        assertThrows(UnsupportedOperatorException.class, () -> new LogicalAndOp()
                .prepare(k.context(BuiltinOperator.LOGICAL_AND, new int[] {r5a, r5b}, new int[] {r5y}, 0, null)));

        OpFixture n = new OpFixture();
        int f32 = n.unquantized(TensorType.FLOAT32, 4);
        int fo = n.unquantized(TensorType.FLOAT32, 4);
        assertThrows(UnsupportedOperatorException.class, () -> new LogicalNotOp()
                .prepare(n.context(BuiltinOperator.LOGICAL_NOT, new int[] {f32}, new int[] {fo}, 0, null)));
    }
}
