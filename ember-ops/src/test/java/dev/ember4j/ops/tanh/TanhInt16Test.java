/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.tanh;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.ops.hardswish.HardSwishOp;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import static dev.ember4j.tflite.prepare.TestContexts.tensor;
import static dev.ember4j.tflite.prepare.TestContexts.unary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TanhInt16Test {

    private static Prepared prepare(float inScale, int inZp, float outScale, int outZp) {
        return new TanhOp().prepare(unary(BuiltinOperator.TANH,
                tensor(0, TensorType.INT16, inScale, inZp, 4), tensor(1, TensorType.INT16, outScale, outZp, 4)));
    }

    @Test
    void powerOfTwoScalesWithLeftShiftZeroOrOne() {
        Prepared p = prepare(1f / 4096, 0, 1f / 32768, 0);
        assertSame(dev.ember4j.ops.tanh.TanhInt16Kernel.KERNEL, p.kernel());
        TanhInt16Params a = (TanhInt16Params) p.params();
        assertEquals(3, a.inputMultiplier());
        assertEquals(0, a.inputRightShift());
        TanhInt16Params b = (TanhInt16Params) prepare(1f / 2048, 0, 1f / 32768, 0).params();
        assertEquals(6, b.inputMultiplier());
        assertEquals(0, b.inputRightShift());
        TanhInt16Params c = (TanhInt16Params) prepare(1f / 512, 0, 1f / 32768, 0).params();
        assertEquals(24576, c.inputMultiplier());
        assertEquals(10, c.inputRightShift()); // 24 doubled 10 times
    }

    @Test
    void outputScaleNearTwoToMinus15IsAccepted() {
        TanhInt16Params p = (TanhInt16Params) prepare(7e-4f, 0, 1.0004f / 32768, 0).params();
        assertEquals(4, p.count());
        assertThrows(UnsupportedOperatorException.class, () -> prepare(7e-4f, 0, 1.01f / 32768, 0));
        assertThrows(UnsupportedOperatorException.class, () -> prepare(7e-4f, 0, 1f / 32768, 1));
        assertThrows(UnsupportedOperatorException.class, () -> prepare(7f, 0, 1f / 32768, 0));
    }

    @Test
    void kernelIsOddAndMonotone() {
        TanhInt16Params p = new TanhInt16Params(1, 6, 0);
        assertEquals(0, TanhInt16Kernel.apply(p, 0));
        int previous = Integer.MIN_VALUE;
        for (int x = -32768; x <= 32767; x++) {
            int y = TanhInt16Kernel.apply(p, x);
            assertTrue(y >= previous && y >= -32768 && y <= 32767, "x=" + x + " y=" + y);
            previous = y;
        }
        assertEquals(32767, TanhInt16Kernel.apply(p, 32767));
        assertEquals(-32767, TanhInt16Kernel.apply(p, -32768)); // TFLite's saturated negative end
    }

    @Test
    void int16HardSwishIsRefusedAsTfliteDoes() {
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class,
                () -> new HardSwishOp().prepare(unary(BuiltinOperator.HARD_SWISH,
                        tensor(0, TensorType.INT16, 1e-3f, 0, 4), tensor(1, TensorType.INT16, 1e-3f, 0, 4))));
        assertTrue(e.getMessage().contains("int16 HARD_SWISH"), e.getMessage());
    }
}
