/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.ResourceLimitException;
import dev.ember4j.tflite.prepare.Limits;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.PreparedModel;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each limit admits a model at exactly its value and refuses it one below, naming the limit. */
class LimitsTest {

    private static PreparedModel prepare(byte[] model, Limits limits) {
        return ModelPreparer.prepare(ModelReader.read(ByteBuffer.wrap(model)), ModelPreparer.SUPPORTED, limits);
    }

    private static Limits with(String name, long v) {
        Limits d = Limits.DEFAULT;
        return switch (name) {
            case "maxArenaBytes" -> d.withMaxArenaBytes(v);
            case "maxOperators" -> d.withMaxOperators(v);
            case "maxTensors" -> d.withMaxTensors(v);
            case "maxScratchBytes" -> d.withMaxScratchBytes(v);
            default -> d.withMaxMacs(v);
        };
    }

    @Test
    void everyLimitIsEnforcedAtItsValue() {
        byte[] fc = TestModel.fullyConnected().build();
        PreparedModel p = prepare(fc, Limits.DEFAULT);
        String[] names = {"maxArenaBytes", "maxOperators", "maxTensors", "maxMacs"};
        long[] values = {p.plan().arenaBytes(), p.ops().size(), p.tensors().size(), p.macs()};
        for (int k = 0; k < names.length; k++) {
            String name = names[k];
            long at = values[k];
            assertTrue(at > 0, name);
            prepare(fc, with(name, at)); // exactly at the limit: accepted
            ResourceLimitException e = assertThrows(ResourceLimitException.class, () -> prepare(fc, with(name, at - 1)));
            assertEquals(name, e.limit());
            assertEquals(at, e.required());
            assertEquals(at - 1, e.allowed());
            assertTrue(e.getMessage().contains("raise Limits." + name), e.getMessage());
        }
    }

    @Test
    void limitsAreNotNegativeAndNoneAdmitsAll() {
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withMaxMacs(-1));
        prepare(TestModel.fullyConnected().build(), Limits.NONE);
    }
}
