/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.hardswish;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.tflite.BuiltinOperator;
import org.junit.jupiter.api.Test;

import static dev.ember4j.tflite.prepare.TestContexts.tensor;
import static dev.ember4j.tflite.prepare.TestContexts.unary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HardSwishTest {

    private static HardSwishParams prepare(float inScale, int inZp, float outScale, int outZp) {
        return (HardSwishParams) new HardSwishOp().prepare(unary(BuiltinOperator.HARD_SWISH,
                tensor(0, TensorType.INT8, inScale, inZp, 1, 5, 5, 8),
                tensor(1, TensorType.INT8, outScale, outZp, 1, 5, 5, 8))).params();
    }

    @Test
    void int16Helpers() {
        assertEquals(32767, HardSwishKernel.srdhm16(Short.MIN_VALUE, Short.MIN_VALUE));
        assertEquals(32767, HardSwishKernel.sdhm16(Short.MIN_VALUE, Short.MIN_VALUE));
        assertEquals(8192, HardSwishKernel.srdhm16((short) 16384, (short) 16384));
        assertEquals(2, HardSwishKernel.srdhm16((short) 3, (short) 16384)); // 1.5 rounds up
        assertEquals(1, HardSwishKernel.sdhm16((short) 3, (short) 16384)); // 1.5 truncates
        assertEquals(-1, HardSwishKernel.sdhm16((short) -3, (short) 16384)); // -1.5 truncates toward zero
        assertEquals(-1, HardSwishKernel.srdhm16((short) -3, (short) 16384)); // -1.5 rounds toward +inf
        assertEquals(-2, HardSwishKernel.roundingDivideByPot16((short) -3, 1)); // ties away from zero
        assertEquals(2, HardSwishKernel.roundingDivideByPot16((short) 3, 1));
        assertEquals(1, HardSwishKernel.roundingDivideByPot16((short) 5, 2));
        assertEquals(-2, HardSwishKernel.roundingDivideByPot16((short) -6, 2));
        assertEquals(7, HardSwishKernel.roundingDivideByPot16((short) 7, 0));
        assertEquals(32767, HardSwishKernel.saturatingLeftShift16((short) 20000, 1));
        assertEquals(-32768, HardSwishKernel.saturatingLeftShift16((short) -20000, 1));
        assertEquals(-2000, HardSwishKernel.saturatingLeftShift16((short) -1000, 1));
    }

    @Test
    void downScaleRoundsAndSaturates() {
        assertEquals(32767, HardSwishOp.downScale(Integer.MAX_VALUE));
        assertEquals(32767, HardSwishOp.downScale(Integer.MAX_VALUE - (1 << 15)));
        assertEquals(32767, HardSwishOp.downScale(Integer.MAX_VALUE - (1 << 15) - 1));
        assertEquals(16384, HardSwishOp.downScale(1 << 30));
        assertEquals(0x4001, HardSwishOp.downScale(0x40008000));
        assertEquals(0x4000, HardSwishOp.downScale(0x40007fff));
    }

    @Test
    void prepareMirrorsTflite() {
        float in = 0.03920496f;
        float out = 0.021071909f;
        HardSwishParams p = prepare(in, 0, out, -110);
        float hires = (1.0f / 128.0f) * in;
        QuantizedMultiplier om = QuantizedMultiplier.of((double) (hires / out));
        QuantizedMultiplier rm = QuantizedMultiplier.of((double) (hires / (3.0f / 32768.0f)));
        assertEquals(om.shift(), p.outputExponent());
        assertEquals((om.multiplier() + 32768) >> 16, p.outputMultiplier());
        assertEquals(rm.shift(), p.reluishExponent());
        assertEquals((rm.multiplier() + 32768) >> 16, p.reluishMultiplier());
        assertEquals(200, p.count());
        // hires / out > 1 needs a left shift, which TFLite refuses
        assertThrows(UnsupportedOperatorException.class, () -> prepare(1f, 0, 1f / 256, 0));
    }

    @Test
    void zeroAndBelowMinusThreeGiveTheOutputZeroPoint() {
        HardSwishParams p = prepare(0.03920496f, 0, 0.021071909f, -110);
        assertEquals(-110, HardSwishKernel.apply(p, 0));
        assertEquals(-110, HardSwishKernel.apply(p, -128)); // x = -5.0
        assertEquals(-110, HardSwishKernel.apply(p, -77)); // x = -3.02
    }

    @Test
    void staysWithinOneStepOfTheRealFunction() {
        float[][] cases = {{0.03920496f, 0, 0.021071909f, -110}, {0.1f, 20, 0.05f, -50}, {0.01f, -30, 0.004f, -5},
                {0.2f, 0, 0.2f, 0}};
        for (float[] c : cases) {
            HardSwishParams p = prepare(c[0], (int) c[1], c[2], (int) c[3]);
            for (int v = -128; v <= 127; v++) {
                double x = c[0] * (v - c[1]);
                double real = x * Math.min(6, Math.max(0, x + 3)) / 6;
                long expected = Math.max(-128, Math.min(127, Math.round(real / c[2]) + (int) c[3]));
                int got = HardSwishKernel.apply(p, v);
                assertTrue(Math.abs(got - expected) <= 1, "scale " + c[0] + " v=" + v + " got " + got
                        + " expected about " + expected);
            }
        }
    }
}
