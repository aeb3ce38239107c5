/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.OpResolver;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The simd kernels' per-thread working arrays are sized when the Interpreter is created
 * ({@code KernelBackend.prepare}): on a fresh thread, invoking never replaces them. (An allocation
 * counter cannot tell this on JDK 17, whose interpreted Vector API code allocates on first runs.)
 */
class WorkReservedTest {

    @TestFactory
    List<DynamicTest> invokeNeverGrowsTheWorkingArrays() {
        List<Path> models = new ArrayList<>(Shared.modelsAndCoreCases("sine.tflite", "speech.tflite",
                "person_detect.tflite"));
        for (Path c : dev.ember4j.tflite.TestCases.generated()) { // the 16x8 kernels' working arrays too
            if (c.getFileName().toString().matches(".*_i16(_.*)?")
                    && dev.ember4j.tflite.TestCases.missingOperators(c).isEmpty()) {
                models.add(c.resolve("model.tflite"));
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path m : models) {
            String name = Shared.label(m);
            tests.add(DynamicTest.dynamicTest(name, () -> onFreshThread(name, Shared.read(m))));
        }
        return tests;
    }

    private static void onFreshThread(String name, byte[] model) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                Interpreter it = Interpreter.create(model, OpResolver.allBuiltins(),
                        new byte[Interpreter.arenaBytes(model)], new SimdBackend());
                Work w = Work.get();
                Object[] before = {w.rows(), w.facc(), w.iacc(), w.offsets(), w.bytes(), w.image(), w.ints(), w.longs()};
                it.invoke();
                Object[] after = {w.rows(), w.facc(), w.iacc(), w.offsets(), w.bytes(), w.image(), w.ints(), w.longs()};
                String[] names = {"rows", "facc", "iacc", "offsets", "bytes", "image", "ints", "longs"};
                for (int i = 0; i < before.length; i++) {
                    assertSame(before[i], after[i], name + ": invoke replaced the " + names[i] + " array");
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fresh");
        t.start();
        t.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
