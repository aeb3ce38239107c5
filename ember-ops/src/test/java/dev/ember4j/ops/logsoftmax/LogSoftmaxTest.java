/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logsoftmax;

import dev.ember4j.core.quant.GemmlowpFixedPoint;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.ember4j.tflite.prepare.TestContexts.tensor;
import static dev.ember4j.tflite.prepare.TestContexts.unary;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogSoftmaxTest {

    @Test
    void fixedPointLogTracksTheRealLog() {
        for (double v = 1.0; v < 4000; v *= 1.07) {
            int raw = (int) Math.round(v * (1 << 19)); // Q12.19
            int log = GemmlowpFixedPoint.logXForXGreaterThanOrEqualTo1(raw, 12, 5); // Q5.26
            assertEquals(Math.log(v), log / (double) (1 << 26), 1e-5, "log " + v);
        }
    }

    @Test
    void fixedPointExpTracksTheRealExp() {
        for (double v = 0; v > -31; v -= 0.37) {
            int raw = (int) Math.round(v * (1 << 26)); // Q5.26
            double e = GemmlowpFixedPoint.expOnNegativeValues(raw, 5) / 2147483648.0;
            assertEquals(Math.exp(v), e, 1e-6, "exp " + v);
        }
    }

    /** Against log-softmax in double of the dequantized input: within one output step. */
    @Test
    void kernelMatchesRealLogSoftmax() {
        float scale = 0.07f;
        LogSoftmaxParams p = (LogSoftmaxParams) new LogSoftmaxOp().prepare(unary(BuiltinOperator.LOG_SOFTMAX,
                tensor(0, TensorType.INT8, scale, 5, 6, 25), tensor(1, TensorType.INT8, 1f / 16, 127, 6, 25))).params();
        assertEquals(6, p.outer());
        assertEquals(25, p.depth());
        Random r = new Random(3);
        byte[] x = new byte[150];
        r.nextBytes(x);
        byte[] y = new byte[150];
        LogSoftmaxKernel.run(p, new Slot[] {Slot.constant(x)}, new Slot[] {Slot.constant(y)}, null, null);
        int exact = 0;
        for (int row = 0; row < 6; row++) {
            double max = -1e9;
            for (int c = 0; c < 25; c++) {
                max = Math.max(max, scale * x[row * 25 + c]);
            }
            double sum = 0;
            for (int c = 0; c < 25; c++) {
                sum += Math.exp(scale * x[row * 25 + c] - max);
            }
            for (int c = 0; c < 25; c++) {
                double real = scale * x[row * 25 + c] - max - Math.log(sum);
                long q = Math.max(-128, Math.min(127, Math.round(real * 16) + 127));
                assertEquals(q, y[row * 25 + c], 1.0, "row " + row + " column " + c);
                exact += q == y[row * 25 + c] ? 1 : 0;
            }
        }
        assertTrue(exact > 130, "exact " + exact);
    }

    @Test
    void refusesOtherOutputQuantization() {
        assertThrows(UnsupportedOperatorException.class, () -> new LogSoftmaxOp().prepare(unary(
                BuiltinOperator.LOG_SOFTMAX, tensor(0, TensorType.INT8, 0.1f, 0, 2, 8),
                tensor(1, TensorType.INT8, 1f / 256, -128, 2, 8))));
        assertThrows(UnsupportedOperatorException.class, () -> new LogSoftmaxOp().prepare(unary(
                BuiltinOperator.LOG_SOFTMAX, tensor(0, TensorType.INT8, 0.1f, 0, 2, 8),
                tensor(1, TensorType.INT8, 1f / 16, 0, 2, 8))));
    }
}
