/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** invoke() allocates nothing: measured with the JVM's per-thread allocation counter. */
class ZeroAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"sine.tflite", "speech.tflite", "person_detect.tflite"})
    void invokeAllocatesNothing(String modelName) {
        assertAllocationFree(modelName, SharedData.model(modelName), modelName.startsWith("person") ? 20 : 200);
    }

    /** Every registry operator of the extended conformance corpus, the repository's generated and stateful cases. */
    @TestFactory
    List<DynamicTest> registryOperatorsAllocateNothing() throws java.io.IOException {
        List<Path> cases = new ArrayList<>(SharedData.cases("extended"));
        assertFalse(cases.isEmpty(), "no extended conformance cases");
        cases.addAll(GeneratedCasesTest.cases());
        cases.addAll(dev.ember4j.tflite.TestCases.stateful()); // SVDF, LSTM: state updated in place
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                dev.ember4j.tflite.TestCases.assumeSupported(c);
                byte[] model = SharedData.read(c.resolve("model.tflite"));
                assertAllocationFree(c.getFileName().toString(), model, 200);
            }));
        }
        return tests;
    }

    /** Stateful cases (SVDF state, resource variables), with resetVariables() and so CALL_ONCE in every round. */
    @TestFactory
    List<DynamicTest> statefulCasesAllocateNothing() {
        List<Path> cases = dev.ember4j.tflite.TestCases.stateful();
        assertFalse(cases.isEmpty(), "no stateful cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            byte[] model = SharedData.read(c.resolve("model.tflite"));
            assertAllocationFree(c.getFileName().toString(), model, 200, true);
        })).toList();
    }

    private static void assertAllocationFree(String modelName, byte[] model, int warmup) {
        assertAllocationFree(modelName, model, warmup, false);
    }

    /** @param reset call resetVariables() before every 10th invoke (so CALL_ONCE blocks run again) */
    private static void assertAllocationFree(String modelName, byte[] model, int warmup, boolean reset) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "allocation counter unavailable");
        threads.setThreadAllocatedMemoryEnabled(true);
        Interpreter interpreter = Interpreter.create(model, OpResolver.allBuiltins(),
                new byte[Interpreter.arenaBytes(model)]);
        long id = Thread.currentThread().getId();
        // The counter itself may allocate on its first call; take a baseline reading first.
        threads.getThreadAllocatedBytes(id);
        // JIT compilation can allocate a few bytes in the first rounds (OSR, profiling); a steady-state
        // round must allocate nothing. Code that allocates on every invoke fails all rounds.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 6 && allocated != 0; round++) {
            for (int i = 0; i < warmup; i++) {
                interpreter.invoke();
            }
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 50; i++) {
                if (reset && i % 10 == 0) {
                    interpreter.resetVariables();
                }
                interpreter.invoke();
            }
            allocated = threads.getThreadAllocatedBytes(id) - before;
        }
        assertEquals(0, allocated, modelName + ": bytes allocated over 50 invokes in the last round");
    }
}
