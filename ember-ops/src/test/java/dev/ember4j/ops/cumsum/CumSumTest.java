/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.cumsum;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CumSumTest {

    /** The definition: out[o][d][i] = sum of in[o][k][i] over k before (exclusive) or up to d, or from the end. */
    @Test
    void randomizedInt64AgainstDefinition() {
        Random r = new Random(3);
        for (int t = 0; t < 200; t++) {
            int outer = 1 + r.nextInt(4);
            int depth = 1 + r.nextInt(9);
            int inner = 1 + r.nextInt(4);
            boolean exclusive = r.nextBoolean();
            boolean reverse = r.nextBoolean();
            int type = r.nextInt(3);
            int w = type == CumSumKernel.INT64 ? 8 : 4;
            int n = outer * depth * inner;
            ByteBuffer x = ByteBuffer.allocate(w * n).order(ByteOrder.LITTLE_ENDIAN);
            long[] v = new long[n];
            for (int i = 0; i < n; i++) {
                v[i] = type == CumSumKernel.FLOAT32 ? r.nextInt(200) - 100 : r.nextLong() >> (type == CumSumKernel.INT32 ? 32 : 2);
                switch (type) {
                    case CumSumKernel.FLOAT32 -> x.putFloat(4 * i, v[i]);
                    case CumSumKernel.INT32 -> x.putInt(4 * i, (int) v[i]);
                    default -> x.putLong(8 * i, v[i]);
                }
            }
            byte[] arena = new byte[w * n + 8];
            CumSumKernel.run(new CumSumParams(outer, depth, inner, exclusive, reverse, type),
                    new Slot[] {Slot.constant(x.array())}, new Slot[] {Slot.arena(8)}, arena, new byte[0]);
            ByteBuffer y = ByteBuffer.wrap(arena, 8, w * n).slice().order(ByteOrder.LITTLE_ENDIAN);
            for (int o = 0; o < outer; o++) {
                for (int d = 0; d < depth; d++) {
                    for (int i = 0; i < inner; i++) {
                        long sum = 0;
                        for (int k = 0; k < depth; k++) {
                            boolean in = reverse ? (exclusive ? k > d : k >= d) : (exclusive ? k < d : k <= d);
                            if (in) {
                                sum += v[(o * depth + k) * inner + i];
                            }
                        }
                        int e = (o * depth + d) * inner + i;
                        long got = switch (type) {
                            case CumSumKernel.FLOAT32 -> (long) y.getFloat(4 * e);
                            case CumSumKernel.INT32 -> y.getInt(4 * e);
                            default -> y.getLong(8 * e);
                        };
                        long want = type == CumSumKernel.INT32 ? (int) sum : sum; // int32 wraps
                        assertEquals(want, got, "case " + t + " element " + e);
                    }
                }
            }
        }
    }

    @Test
    void nanSumKeepsItsBits() {
        float negNaN = Float.intBitsToFloat(0xffc00000);
        assertEquals(0xffc00000, Float.floatToRawIntBits(CumSumKernel.add(negNaN, Float.NaN)));
        assertEquals(3f, CumSumKernel.add(1f, 2f));
    }

    private static OpContext ctx(TensorType type, int[] axis, Integer exclusive, Integer reverse, int... shape) {
        OpFixture f = new OpFixture();
        int in = f.unquantized(type, shape);
        int a = f.int32Constant(axis, axis.length);
        int out = f.unquantized(type, shape);
        return f.context(BuiltinOperator.CUMSUM, new int[] {in, a}, new int[] {out}, CumSumOp.OPTIONS,
                OpFixture.options(exclusive, reverse));
    }

    @Test
    void prepare() {
        CumSumParams p = (CumSumParams) new CumSumOp().prepare(ctx(TensorType.FLOAT32, new int[] {-2}, 1, null,
                2, 3, 4)).params();
        assertEquals(new CumSumParams(2, 3, 4, true, false, CumSumKernel.FLOAT32), p);
        p = (CumSumParams) new CumSumOp().prepare(ctx(TensorType.INT64, new int[] {0}, null, 1, 5)).params();
        assertEquals(new CumSumParams(1, 5, 1, false, true, CumSumKernel.INT64), p);
    }

    @Test
    void malformed() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> new CumSumOp().prepare(ctx(TensorType.INT32, new int[] {3}, null, null, 2, 3)));
        assertTrue(e.getMessage().contains("CUMSUM") && e.getMessage().contains("axis 3 is out of range"), e.getMessage());
        e = assertThrows(ModelFormatException.class,
                () -> new CumSumOp().prepare(ctx(TensorType.INT32, new int[] {0, 1}, null, null, 2, 3)));
        assertTrue(e.getMessage().contains("holds 2 values"), e.getMessage());
        UnsupportedOperatorException u = assertThrows(UnsupportedOperatorException.class,
                () -> new CumSumOp().prepare(ctx(TensorType.INT16, new int[] {0}, null, null, 2, 3)));
        assertTrue(u.getMessage().contains("INT16"), u.getMessage());
        // an axis fed at run time
        OpFixture f = new OpFixture();
        int in = f.unquantized(TensorType.FLOAT32, 4);
        int a = f.unquantized(TensorType.INT32, 1);
        int out = f.unquantized(TensorType.FLOAT32, 4);
        u = assertThrows(UnsupportedOperatorException.class, () -> new CumSumOp().prepare(
                f.context(BuiltinOperator.CUMSUM, new int[] {in, a}, new int[] {out}, 0, null)));
        assertTrue(u.getMessage().contains("must be a constant"), u.getMessage());
        // options of another operator
        OpFixture g = new OpFixture();
        int gi = g.unquantized(TensorType.FLOAT32, 4);
        int ga = g.int32Constant(new int[] {0}, 1);
        int go = g.unquantized(TensorType.FLOAT32, 4);
        e = assertThrows(ModelFormatException.class, () -> new CumSumOp().prepare(
                g.context(BuiltinOperator.CUMSUM, new int[] {gi, ga}, new int[] {go}, 5, OpFixture.options(1))));
        assertFalse(e.getMessage().isEmpty());
    }
}
