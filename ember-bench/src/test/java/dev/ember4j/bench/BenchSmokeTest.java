/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.bench;

import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.OpResolver;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fast checks of the benchmark plumbing; measures nothing. */
class BenchSmokeTest {

    @Test
    void patchZeroesQuantizedDimensionOfRankOneTensorsOnly() {
        byte[] original = BenchModels.modelBytes("person_detect");
        byte[] patched = original.clone();
        assertEquals(14, QuantizedDimensionPatch.patch(patched));
        assertEquals(0, QuantizedDimensionPatch.patch(patched.clone()), "idempotent");
        int differing = 0;
        for (int i = 0; i < original.length; i++) {
            if (original[i] != patched[i]) {
                differing++;
            }
        }
        assertTrue(differing > 0 && differing <= 14, "only the 14 int32 values change, got " + differing + " bytes");
        // Ember reads the patched model and computes the same result.
        assertArrayEquals(run(original, "person_detect"), run(patched, "person_detect"));
    }

    @Test
    void everyModelAndBackendResolves() {
        for (String model : BenchModels.ALL) {
            byte[] bytes = BenchModels.modelBytes(model);
            for (var backend : Backends.discover().values()) {
                Interpreter in = Interpreter.create(ByteBuffer.wrap(bytes), OpResolver.allBuiltins(),
                        new byte[Interpreter.arenaBytes(bytes)], backend);
                in.input(0).copyFrom(BenchModels.input(model, in.input(0).byteSize()));
                in.invoke();
            }
        }
        assertTrue(Backends.discover().containsKey("ref"));
    }

    private static byte[] run(byte[] model, String name) {
        Interpreter in = Interpreter.create(model, OpResolver.allBuiltins(), new byte[Interpreter.arenaBytes(model)]);
        in.input(0).copyFrom(BenchModels.input(name, in.input(0).byteSize()));
        in.invoke();
        byte[] out = new byte[in.output(0).byteSize()];
        in.output(0).copyTo(out);
        return Arrays.copyOf(out, out.length);
    }
}
