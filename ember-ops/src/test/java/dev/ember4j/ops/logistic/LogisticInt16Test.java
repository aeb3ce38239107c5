/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logistic;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import static dev.ember4j.tflite.prepare.TestContexts.tensor;
import static dev.ember4j.tflite.prepare.TestContexts.unary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticInt16Test {

    private static Prepared prepare(float inScale, int inZp, float outScale, int outZp) {
        return new LogisticOp().prepare(unary(BuiltinOperator.LOGISTIC,
                tensor(0, TensorType.INT16, inScale, inZp, 2, 3), tensor(1, TensorType.INT16, outScale, outZp, 2, 3)));
    }

    @Test
    void powerOfTwoScaleMultipliesByThree() {
        Prepared p = prepare(1f / 4096, 0, 1f / 32768, 0);
        assertSame(dev.ember4j.ops.logistic.LogisticInt16Kernel.KERNEL, p.kernel());
        LogisticInt16Params lp = (LogisticInt16Params) p.params();
        assertEquals(6, lp.count());
        assertEquals(3, lp.inputMultiplier());
        assertEquals(0, lp.inputRightShift());
    }

    @Test
    void otherScalesGetAMultiplierAndRightShift() {
        // 2^-10 is a power of two but not TFLite's (left shift 0) case
        LogisticInt16Params a = (LogisticInt16Params) prepare(1f / 1024, 0, 1f / 32768, 0).params();
        assertEquals(24576, a.inputMultiplier()); // 12 * 2^11
        assertEquals(11, a.inputRightShift());
        LogisticInt16Params b = (LogisticInt16Params) prepare(0.05f, 0, 1f / 32768, 0).params();
        assertEquals(19660, b.inputMultiplier()); // 0.05 * 12288 = 614.4, doubled 5 times
        assertEquals(5, b.inputRightShift());
    }

    @Test
    void kernelValues() {
        LogisticInt16Params p = new LogisticInt16Params(1, 3, 0);
        assertEquals(16384, LogisticInt16Kernel.apply(p, 0));
        int previous = -1;
        for (int x = -32768; x <= 32767; x++) {
            int y = LogisticInt16Kernel.apply(p, x);
            assertTrue(y >= previous && y <= 32767, "x=" + x + " y=" + y);
            previous = y;
        }
        assertEquals(32767, LogisticInt16Kernel.apply(new LogisticInt16Params(1, 43008, 0), 32767)); // saturated
    }

    @Test
    void refusesWhatTfliteRefusesOrCannotCompute() {
        assertThrows(UnsupportedOperatorException.class, () -> prepare(1f / 4096, 1, 1f / 32768, 0));
        assertThrows(UnsupportedOperatorException.class, () -> prepare(1f / 4096, 0, 1f / 32768, 2));
        // LOGISTIC wants exactly 1/32768 (TANH accepts a scale near it)
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class,
                () -> prepare(1f / 4096, 0, 1.0004f / 32768, 0));
        assertTrue(e.getMessage().contains("1/32768"), e.getMessage());
        assertThrows(UnsupportedOperatorException.class, () -> prepare(1f / 4096, 0, 1f / 16384, 0));
        // input scale 6: multiplier 73728 would overflow int32 in TFLite's kernel
        assertThrows(UnsupportedOperatorException.class, () -> prepare(6f, 0, 1f / 32768, 0));
        assertThrows(UnsupportedOperatorException.class, () -> new LogisticOp().prepare(unary(BuiltinOperator.LOGISTIC,
                tensor(0, TensorType.INT16, 1f / 4096, 0, 2, 3), tensor(1, TensorType.INT8, 1f / 256, -128, 2, 3))));
    }
}
