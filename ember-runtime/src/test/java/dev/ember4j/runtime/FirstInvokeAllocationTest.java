/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.ReferenceBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Working memory is sized when the Interpreter is created, not on the first invoke: on a thread that
 * has never run a kernel, creating the Interpreter and then invoking it once allocates nothing in the
 * invoke. (The classes are loaded and linked on the test thread first: class loading is a JVM-wide,
 * one-time cost, not the model's working memory.)
 */
class FirstInvokeAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"sine.tflite", "speech.tflite", "person_detect.tflite"})
    void firstInvokeOnAFreshThreadAllocatesNothing(String modelName) throws Exception {
        byte[] model = SharedData.model(modelName);
        Interpreter warm = Interpreter.create(model, OpResolver.allBuiltins(), new byte[Interpreter.arenaBytes(model)],
                new ReferenceBackend());
        warm.invoke();

        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "allocation counter unavailable");
        threads.setThreadAllocatedMemoryEnabled(true);
        AtomicLong allocated = new AtomicLong(-1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread fresh = new Thread(() -> {
            try {
                Interpreter interpreter = Interpreter.create(model, OpResolver.allBuiltins(),
                        new byte[Interpreter.arenaBytes(model)], new ReferenceBackend());
                long id = Thread.currentThread().getId();
                threads.getThreadAllocatedBytes(id); // the counter may allocate on its first call
                long before = threads.getThreadAllocatedBytes(id);
                interpreter.invoke();
                allocated.set(threads.getThreadAllocatedBytes(id) - before);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "fresh-" + modelName);
        fresh.start();
        fresh.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(0, allocated.get(), modelName + ": bytes allocated by the first invoke on a fresh thread");
    }
}
