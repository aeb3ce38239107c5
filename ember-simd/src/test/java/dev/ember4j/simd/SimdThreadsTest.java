/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.runtime.Interpreter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The Vector API kernels split over two threads give the reference backend's bytes on one thread. */
class SimdThreadsTest {

    @TestFactory
    List<DynamicTest> twoThreadsEqualTheReference() {
        List<Path> models = new ArrayList<>(Shared.modelsAndCoreCases("speech.tflite", "person_detect.tflite"));
        for (Path c : dev.ember4j.tflite.TestCases.generated()) { // the int16 kernels' row splits too
            if (c.getFileName().toString().matches(".*_i16(_.*)?")
                    && dev.ember4j.tflite.TestCases.missingOperators(c).isEmpty()) {
                models.add(c.resolve("model.tflite"));
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path m : models) {
            String name = Shared.label(m);
            tests.add(DynamicTest.dynamicTest(name, () -> compare(name, Shared.read(m))));
        }
        return tests;
    }

    private static void compare(String name, byte[] model) {
        try (Interpreter ref = Interpreter.builder(model).backend(new ReferenceBackend()).build();
             Interpreter simd = Interpreter.builder(model).backend(new SimdBackend()).threads(2).build()) {
            Random r = new Random(name.hashCode());
            for (int i = 0; i < ref.inputCount(); i++) {
                byte[] data = new byte[ref.input(i).byteSize()];
                r.nextBytes(data);
                ref.input(i).copyFrom(data);
                simd.input(i).copyFrom(data);
            }
            ref.invoke();
            simd.invoke();
            for (int o = 0; o < ref.outputCount(); o++) {
                byte[] expected = new byte[ref.output(o).byteSize()];
                byte[] actual = new byte[expected.length];
                ref.output(o).copyTo(expected);
                simd.output(o).copyTo(actual);
                assertArrayEquals(expected, actual, name + ": output " + o + ", simd on 2 threads");
            }
        }
    }
}
