/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Multi-threaded interpreters give one thread's bytes, allocate nothing per invoke and stop their workers on close. */
class ThreadsTest {

    @TestFactory
    List<DynamicTest> sameBytesAsOneThread() throws java.io.IOException {
        List<Path> models = new ArrayList<>();
        for (String m : new String[] {"sine.tflite", "speech.tflite", "person_detect.tflite"}) {
            models.add(SharedData.root().resolve("models").resolve(m));
        }
        for (Path c : SharedData.cases("core")) {
            models.add(c.resolve("model.tflite"));
        }
        for (Path c : GeneratedCasesTest.cases()) {
            models.add(c.resolve("model.tflite"));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path m : models) {
            String name = m.getParent().getFileName() + "/" + m.getFileName();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                if (m.getFileName().toString().equals("model.tflite")) {
                    dev.ember4j.tflite.TestCases.assumeSupported(m.getParent());
                }
                byte[] model = SharedData.read(m);
                // 3 threads (more than this CI machine's cores) on the reference models, 2 on every case
                int[] counts = m.getFileName().toString().equals("model.tflite") ? new int[] {2} : new int[] {2, 3};
                for (int threads : counts) {
                    compare(name, model, threads);
                }
            }));
        }
        return tests;
    }

    private static void compare(String name, byte[] model, int threads) {
        try (Interpreter one = Interpreter.builder(model).backend("ref").build();
             Interpreter many = Interpreter.builder(model).backend("ref").threads(threads).build()) {
            assertEquals(threads, many.threads());
            Random r = new Random(name.hashCode());
            for (int round = 0; round < 2; round++) { // twice: state (variable tensors) must evolve alike
                for (int i = 0; i < one.inputCount(); i++) {
                    byte[] data = new byte[one.input(i).byteSize()];
                    r.nextBytes(data);
                    one.input(i).copyFrom(data);
                    many.input(i).copyFrom(data);
                }
                one.invoke();
                many.invoke();
                for (int i = 0; i < one.outputCount(); i++) {
                    byte[] expected = new byte[one.output(i).byteSize()];
                    byte[] actual = new byte[expected.length];
                    one.output(i).copyTo(expected);
                    many.output(i).copyTo(actual);
                    assertArrayEquals(expected, actual,
                            name + ": output " + i + " with " + threads + " threads, round " + round);
                }
            }
        }
    }

    @Test
    void personDetectWithTwoThreadsAllocatesNothingOnAnyThread() throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported(), "allocation counter unavailable");
        mx.setThreadAllocatedMemoryEnabled(true);
        byte[] model = SharedData.model("person_detect.tflite");
        java.util.Set<Thread> before = workers();
        try (Interpreter it = Interpreter.builder(model).backend("ref").threads(2).build()) {
            List<Thread> mine = started(before);
            assertEquals(1, mine.size(), "worker threads of a 2-thread interpreter");
            long caller = Thread.currentThread().getId();
            long worker = mine.get(0).getId();
            // the single-id reading returns a long: the array variant would itself allocate on this thread
            mx.getThreadAllocatedBytes(caller); // the counter may allocate on its first call
            long allocated = Long.MAX_VALUE;
            for (int round = 0; round < 6 && allocated != 0; round++) {
                for (int i = 0; i < 20; i++) {
                    it.invoke();
                }
                long callerBefore = mx.getThreadAllocatedBytes(caller);
                long workerBefore = mx.getThreadAllocatedBytes(worker);
                for (int i = 0; i < 30; i++) {
                    it.invoke();
                }
                long workerAfter = mx.getThreadAllocatedBytes(worker);
                long callerAfter = mx.getThreadAllocatedBytes(caller);
                allocated = (callerAfter - callerBefore) + (workerAfter - workerBefore);
            }
            assertEquals(0, allocated, "bytes allocated over 30 invokes by the caller and the worker");
        }
    }

    @Test
    void closeStopsTheWorkers() throws Exception {
        byte[] model = SharedData.model("person_detect.tflite");
        java.util.Set<Thread> before = workers();
        Interpreter it = Interpreter.builder(model).backend("ref").threads(3).build();
        it.invoke();
        List<Thread> mine = started(before);
        assertEquals(2, mine.size(), "worker threads of a 3-thread interpreter");
        it.close();
        for (Thread t : mine) {
            t.join(5000);
            assertFalse(t.isAlive(), t.getName() + " still alive after close");
        }
        assertThrows(IllegalStateException.class, it::invoke);
    }

    @Test
    void threadsMustBePositive() {
        byte[] model = SharedData.model("sine.tflite");
        assertThrows(IllegalArgumentException.class, () -> Interpreter.builder(model).threads(0));
    }

    /** Live worker threads of parallel backends. */
    private static java.util.Set<Thread> workers() {
        java.util.Set<Thread> out = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("ember-") && t.isAlive()) {
                out.add(t);
            }
        }
        return out;
    }

    /** Workers started since {@code before} was taken. */
    private static List<Thread> started(java.util.Set<Thread> before) {
        List<Thread> out = new ArrayList<>(workers());
        out.removeAll(before);
        return out;
    }
}
