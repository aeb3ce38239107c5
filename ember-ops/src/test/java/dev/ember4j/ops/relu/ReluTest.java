/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.relu;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import org.junit.jupiter.api.Test;

import static dev.ember4j.tflite.prepare.TestContexts.tensor;
import static dev.ember4j.tflite.prepare.TestContexts.unary;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReluTest {

    private static ReluParams prepare(dev.ember4j.tflite.prepare.OperatorSpec spec, float inScale, int inZp,
                                      float outScale, int outZp) {
        return (ReluParams) spec.prepare(unary(spec.op(), tensor(0, TensorType.INT8, inScale, inZp, 2, 3),
                tensor(1, TensorType.INT8, outScale, outZp, 2, 3))).params();
    }

    @Test
    void ranges() {
        assertArrayEquals(new int[] {-10, 127}, ReluX.range(0f, Float.POSITIVE_INFINITY, 0.05f, -10));
        assertArrayEquals(new int[] {-10, 110}, ReluX.range(0f, 6f, 0.05f, -10));
        assertArrayEquals(new int[] {-128, 127}, ReluX.range(0f, 6f, 0.008f, -128)); // 6 / 0.008 = 750
        assertArrayEquals(new int[] {-10, 10}, ReluX.range(-1f, 1f, 0.1f, 0));
        assertArrayEquals(new int[] {-3, 3}, ReluX.range(-1f, 1f, 0.4f, 0)); // 2.5 rounds away from zero
        assertArrayEquals(new int[] {-128, 127}, ReluX.range(-1f, 1f, 1e-6f, 0));
    }

    @Test
    void sameScaleIsAShiftAndAClamp() {
        ReluParams p = prepare(new ReluOps.Relu6(), 0.05f, 5, 0.05f, -10);
        assertEquals(-10, p.activationMin());
        assertEquals(110, p.activationMax());
        assertEquals(-10, ReluKernel.apply(p, -128));
        assertEquals(-10, ReluKernel.apply(p, 5)); // zero point: 0.0
        assertEquals(-5, ReluKernel.apply(p, 10));
        assertEquals(110, ReluKernel.apply(p, 127)); // 6.1 clamps to 6
        ReluParams relu = prepare(new ReluOps.Relu(), 0.05f, 5, 0.05f, -10);
        assertEquals(112, ReluKernel.apply(relu, 127)); // 122 steps above the zero point
    }

    @Test
    void requantizesToTheOutputScale() {
        ReluParams p = prepare(new ReluOps.ReluN1To1(), 0.02f, 0, 0.01f, 0); // x2, clamp to [-100, 100]
        assertEquals(-100, ReluKernel.apply(p, -128));
        assertEquals(-60, ReluKernel.apply(p, -30));
        assertEquals(100, ReluKernel.apply(p, 51));
        assertEquals(98, ReluKernel.apply(p, 49));
        byte[] arena = {-30, 49, 51, 0, 0, 0, 0, 0, 0};
        dev.ember4j.ops.relu.ReluKernel.KERNEL.run(new ReluParams(3, 0, 0, p.multiplier(), p.shift(), -100, 100),
                new Slot[] {Slot.arena(0)}, new Slot[] {Slot.arena(5)}, arena, new byte[0]);
        assertArrayEquals(new byte[] {-60, 98, 100}, new byte[] {arena[5], arena[6], arena[7]});
        assertEquals(0, arena[8]);
    }

    @Test
    void rejectsMismatchedTensors() {
        assertThrows(UnsupportedOperatorException.class, () -> new ReluOps.Relu().prepare(unary(BuiltinOperator.RELU,
                tensor(0, TensorType.INT8, 0.1f, 0, 4), tensor(1, TensorType.UINT8, 0.1f, 0, 4))));
        assertThrows(ModelFormatException.class, () -> new ReluOps.Relu().prepare(unary(BuiltinOperator.RELU,
                tensor(0, TensorType.INT8, 0.1f, 0, 4), tensor(1, TensorType.INT8, 0.1f, 0, 5))));
    }
}
