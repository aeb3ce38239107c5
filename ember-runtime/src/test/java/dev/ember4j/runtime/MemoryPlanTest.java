/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.ArenaTooSmallException;
import dev.ember4j.tflite.plan.MemoryPlan;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedTensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arena plans of the reference models: tight (equal to the lower bound) and collision-free. */
class MemoryPlanTest {

    @ParameterizedTest
    @ValueSource(strings = {"sine.tflite", "speech.tflite", "person_detect.tflite"})
    void planMeetsLowerBound(String name) {
        PreparedModel model = ModelPreparer.prepare(ByteBuffer.wrap(SharedData.model(name)));
        MemoryPlan plan = model.plan();
        assertTrue(plan.lowerBound() > 0);
        assertEquals(plan.lowerBound(), plan.arenaBytes(), name + " arena vs lower bound");
        for (PreparedTensor a : model.tensors()) {
            for (PreparedTensor b : model.tensors()) {
                if (a == null || b == null || a.index() >= b.index() || a.isConstant() || b.isConstant()
                        || plan.offset(a.index()) == plan.offset(b.index()) && a.byteSize() == b.byteSize()) {
                    continue;
                }
                boolean time = plan.firstUse(a.index()) <= plan.lastUse(b.index())
                        && plan.firstUse(b.index()) <= plan.lastUse(a.index());
                boolean space = a.arenaOffset() < b.arenaOffset() + b.byteSize()
                        && b.arenaOffset() < a.arenaOffset() + a.byteSize();
                assertTrue(!(time && space), name + ": " + a + " overlaps " + b);
            }
        }
    }

    @Test
    void tooSmallArenaNamesTheExactSize() {
        byte[] model = SharedData.model("person_detect.tflite");
        int needed = Interpreter.arenaBytes(model);
        ArenaTooSmallException e = assertThrows(ArenaTooSmallException.class,
                () -> Interpreter.create(model, OpResolver.allBuiltins(), new byte[needed - 1]));
        assertEquals(needed, e.requiredBytes());
        assertTrue(e.getMessage().contains(Integer.toString(needed)), e.getMessage());
    }
}
