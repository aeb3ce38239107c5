/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elementwise;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.abs.AbsOp;
import dev.ember4j.ops.elu.EluOp;
import dev.ember4j.ops.exp.ExpOp;
import dev.ember4j.ops.log.LogOp;
import dev.ember4j.ops.neg.NegOp;
import dev.ember4j.ops.rsqrt.RsqrtOp;
import dev.ember4j.ops.sqrt.SqrtOp;
import dev.ember4j.ops.common.Int8Lut;
import dev.ember4j.ops.common.LutParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OperatorSpec;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static dev.ember4j.tflite.prepare.TestContexts.tensor;
import static dev.ember4j.tflite.prepare.TestContexts.unary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The int8 tables of the element-wise operators against the real function in double (within one step). */
class ElementwiseTablesTest {
    private static final float IN_SCALE = 0.031f;
    private static final int IN_ZP = -20;
    private static final float OUT_SCALE = 0.027f;
    private static final int OUT_ZP = 9;

    private static byte[] table(OperatorSpec op, BuiltinOperator code) {
        Object p = op.prepare(unary(code, tensor(0, TensorType.INT8, IN_SCALE, IN_ZP, 2, 3),
                tensor(1, TensorType.INT8, OUT_SCALE, OUT_ZP, 2, 3))).params();
        return p instanceof LutParams l ? l.table() : ((CheckedLutParams) p).table();
    }

    private static void near(byte[] table, DoubleUnaryOperator f, int from, boolean truncate) {
        int exact = 0;
        for (int v = from; v <= 127; v++) {
            double real = f.applyAsDouble(IN_SCALE * (double) (v - IN_ZP)) / OUT_SCALE;
            double q = (truncate ? (long) real : Math.round(real)) + OUT_ZP;
            long expected = (long) Math.max(-128, Math.min(127, q));
            assertEquals(expected, table[v & 0xff], 1.0, "input " + v);
            exact += expected == table[v & 0xff] ? 1 : 0;
        }
        assertTrue(exact >= (128 - from) * 9 / 10, "exact " + exact);
    }

    @Test
    void tablesFollowTheirFunctions() {
        near(table(new AbsOp(), BuiltinOperator.ABS), Math::abs, -128, false);
        near(table(new ExpOp(), BuiltinOperator.EXP), Math::exp, -128, false);
        near(table(new EluOp(), BuiltinOperator.ELU), x -> x < 0 ? Math.expm1(x) : x, -128, false);
        near(table(new LogOp(), BuiltinOperator.LOG), Math::log, IN_ZP + 1, false);
        near(table(new SqrtOp(), BuiltinOperator.SQRT), Math::sqrt, IN_ZP, true);
        near(table(new RsqrtOp(), BuiltinOperator.RSQRT), x -> 1 / Math.sqrt(x), IN_ZP + 1, false);
        byte[] log = table(new LogOp(), BuiltinOperator.LOG);
        for (int v = -128; v <= IN_ZP; v++) {
            assertEquals(-128, log[v & 0xff], "log of a non-positive input is the output minimum");
        }
        assertEquals(127, table(new RsqrtOp(), BuiltinOperator.RSQRT)[IN_ZP & 0xff]);
    }

    @Test
    void absWithoutRescaleOnlyAddsTheZeroPoint() {
        byte[] t = (((LutParams) new AbsOp().prepare(unary(BuiltinOperator.ABS,
                tensor(0, TensorType.INT8, 0.5f, 10, 4), tensor(1, TensorType.INT8, 0.5f, -100, 4))).params()).table());
        for (int v = -128; v <= 127; v++) {
            assertEquals(Math.min(127, Math.abs(v - 10) - 100), t[v & 0xff]);
        }
    }

    @Test
    void lutMatchesTheSharedBuilderInRange() {
        Int8Lut.FloatFunction f = x -> (float) Math.exp(x);
        assertArrayEquals(Int8Lut.build(0.05f, 3, 0.1f, -128, f), Tables.int8(0.05f, 3, 0.1f, -128, f));
        // out of the int32 range the x86 conversion gives INT_MIN, so the clamp gives -128, not 127
        assertEquals(-128, Tables.int8(1f, 0, 1e-30f, 0, x -> x)[100]);
    }

    @Test
    void sqrtReadsInputsBelowTheZeroPointAsTheZeroPoint() {
        CheckedLutParams p = (CheckedLutParams) new SqrtOp().prepare(unary(BuiltinOperator.SQRT,
                tensor(0, TensorType.INT8, 0.1f, -5, 3), tensor(1, TensorType.INT8, 0.05f, -128, 3))).params();
        byte[] ok = {-5, 0, 127};
        byte[] out = new byte[3];
        CheckedLutKernel.run(p, new Slot[] {Slot.constant(ok)}, new Slot[] {Slot.constant(out)}, null, null);
        assertEquals(-128, out[0]);
        assertEquals((int) ((float) Math.sqrt(0.5f) / 0.05f) - 128, out[1]);
        // TFLite fails the invocation here; Ember4j's invoke never fails, so -6 and -128 read as the zero point -5
        byte[] bad = {-6, -128, 0};
        CheckedLutKernel.run(p, new Slot[] {Slot.constant(bad)}, new Slot[] {Slot.constant(out)}, null, null);
        assertEquals(-128, out[0]);
        assertEquals(-128, out[1]);
        assertEquals((int) ((float) Math.sqrt(0.5f) / 0.05f) - 128, out[2]);
    }

    @Test
    void floatAndIntegerPaths() {
        assertEquals(-2.5f, ElementwiseKernel.apply(ElementwiseKernel.NEG, 2.5f));
        assertEquals(0.5f, ElementwiseKernel.apply(ElementwiseKernel.RSQRT, 4f));
        assertEquals((float) Math.expm1(-0.3f), ElementwiseKernel.apply(ElementwiseKernel.ELU, -0.3f));
        assertEquals(3f, ElementwiseKernel.apply(ElementwiseKernel.ELU, 3f));
        TensorDef i = new TensorDef(0, "i", TensorType.INT32, new int[] {2}, 0, null);
        TensorDef o = new TensorDef(1, "o", TensorType.INT32, new int[] {2}, 0, null);
        ElementwiseParams p = (ElementwiseParams) new NegOp().prepare(unary(BuiltinOperator.NEG, i, o)).params();
        byte[] arena = new byte[16];
        dev.ember4j.ops.common.Le.i32(arena, 0, 7);
        dev.ember4j.ops.common.Le.i32(arena, 4, Integer.MIN_VALUE);
        ElementwiseKernel.run(p, new Slot[] {Slot.arena(0)}, new Slot[] {Slot.arena(8)}, arena, null);
        assertEquals(-7, dev.ember4j.ops.common.Le.i32(arena, 8));
        assertEquals(Integer.MIN_VALUE, dev.ember4j.ops.common.Le.i32(arena, 12));
    }

    @Test
    void refusals() {
        // NEG has no quantized kernel in TFLite
        assertThrows(UnsupportedOperatorException.class, () -> new NegOp().prepare(unary(BuiltinOperator.NEG,
                tensor(0, TensorType.INT8, 0.1f, 0, 3), tensor(1, TensorType.INT8, 0.1f, 0, 3))));
        // types must agree, shapes too
        assertThrows(ModelFormatException.class, () -> new ExpOp().prepare(unary(BuiltinOperator.EXP,
                tensor(0, TensorType.INT8, 0.1f, 0, 3), new TensorDef(1, "f", TensorType.FLOAT32, new int[] {3}, 0, null))));
        assertThrows(ModelFormatException.class, () -> new LogOp().prepare(unary(BuiltinOperator.LOG,
                tensor(0, TensorType.INT8, 0.1f, 0, 3), tensor(1, TensorType.INT8, 0.1f, 0, 4))));
        assertThrows(UnsupportedOperatorException.class, () -> new SqrtOp().prepare(unary(BuiltinOperator.SQRT,
                tensor(0, TensorType.UINT8, 0.1f, 0, 3), tensor(1, TensorType.UINT8, 0.1f, 0, 3))));
    }
}
