/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.leakyrelu;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.tflite.BuiltinOperator;
import org.junit.jupiter.api.Test;

import static dev.ember4j.tflite.prepare.TestContexts.tensor;
import static dev.ember4j.tflite.prepare.TestContexts.unary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LeakyReluTest {

    private static LeakyReluParams params(int inZp, int outZp, double identity, double alpha) {
        QuantizedMultiplier id = QuantizedMultiplier.of(identity);
        QuantizedMultiplier a = QuantizedMultiplier.of(alpha);
        return new LeakyReluParams(1, inZp, outZp, id.multiplier(), id.shift(), a.multiplier(), a.shift());
    }

    @Test
    void identityAboveTheZeroPointAlphaBelow() {
        LeakyReluParams p = params(25, -69, 0.5, 0.25);
        assertEquals(-69, LeakyReluKernel.apply(p, 25));
        assertEquals(-68, LeakyReluKernel.apply(p, 27)); // 2 * 0.5
        assertEquals(-68, LeakyReluKernel.apply(p, 26)); // 0.5 rounds up
        assertEquals(-69, LeakyReluKernel.apply(p, 24)); // -0.25 -> 0
        assertEquals(-107, LeakyReluKernel.apply(p, -128)); // -153 * 0.25 = -38.25 -> -38
        assertEquals(-18, LeakyReluKernel.apply(p, 127)); // 102 * 0.5 = 51
    }

    @Test
    void saturatesAtBothEnds() {
        LeakyReluParams p = params(0, 0, 4.0, 2.0);
        assertEquals(127, LeakyReluKernel.apply(p, 40));
        assertEquals(120, LeakyReluKernel.apply(p, 30));
        assertEquals(-128, LeakyReluKernel.apply(p, -70));
        assertEquals(-100, LeakyReluKernel.apply(p, -50));
        LeakyReluParams negative = params(0, 0, 1.0, -0.5); // alpha < 0 flips negative inputs
        assertEquals(50, LeakyReluKernel.apply(negative, -100));
        assertEquals(64, LeakyReluKernel.apply(negative, -128));
    }

    @Test
    void prepareFormsTheMultipliersFromTheFloatScalesAndAlpha() {
        dev.ember4j.tflite.prepare.Prepared pr = new LeakyReluOp().prepare(unary(BuiltinOperator.LEAKY_RELU,
                tensor(0, TensorType.INT8, 0.019604282f, 25, 1, 6, 6, 8),
                tensor(1, TensorType.INT8, 0.010194318f, -69, 1, 6, 6, 8)));
        LeakyReluParams p = (LeakyReluParams) pr.params();
        assertEquals(288, p.count());
        QuantizedMultiplier id = QuantizedMultiplier.of((double) (0.019604282f / 0.010194318f));
        assertEquals(id.multiplier(), p.identityMultiplier());
        assertEquals(id.shift(), p.identityShift());
        assertEquals(0, p.alphaMultiplier()); // no options: alpha 0
        // float32 takes the float kernel (alpha 0 without options)
        assertSame(dev.ember4j.ops.leakyrelu.LeakyReluFloatKernel.KERNEL, new LeakyReluOp().prepare(unary(BuiltinOperator.LEAKY_RELU,
                tensor(0, TensorType.FLOAT32, 0f, 0, 4), tensor(1, TensorType.FLOAT32, 0f, 0, 4))).kernel());
    }
}
