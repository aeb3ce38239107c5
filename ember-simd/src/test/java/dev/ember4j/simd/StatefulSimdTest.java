/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.runtime.Interpreter;
import dev.ember4j.tflite.TestCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stateful cases of testdata/stateful (SVDF state, resource variables with CALL_ONCE initialization)
 * on SimdBackend: every step in order against TFLite 2.21's goldens, then resetVariables() and the first
 * steps again.
 */
class StatefulSimdTest {

    @TestFactory
    List<DynamicTest> statefulCases() {
        List<Path> cases = TestCases.stateful();
        assertFalse(cases.isEmpty(), "no stateful cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            TestCases.assumeSupported(c);
            runCase(c);
        })).toList();
    }

    private static void runCase(Path dir) {
        Interpreter interpreter = ModelsTest.create(Shared.read(dir.resolve("model.tflite")));
        int steps = TestCases.steps(dir);
        assertTrue(steps >= 10, "at least 10 steps");
        for (int k = 0; k < steps; k++) {
            step(interpreter, dir, k, "");
        }
        interpreter.resetVariables();
        for (int k = 0; k < 3; k++) {
            step(interpreter, dir, k, " after resetVariables()");
        }
    }

    private static void step(Interpreter interpreter, Path dir, int k, String when) {
        for (int i = 0; i < interpreter.inputCount(); i++) {
            interpreter.input(i).copyFrom(Shared.read(dir.resolve("step" + k + ".input" + i + ".bin")));
        }
        interpreter.invoke();
        for (int o = 0; o < interpreter.outputCount(); o++) {
            byte[] expected = Shared.read(dir.resolve("step" + k + ".expected" + o + ".bin"));
            byte[] actual = new byte[interpreter.output(o).byteSize()];
            interpreter.output(o).copyTo(actual);
            assertArrayEquals(expected, actual, dir.getFileName() + " step " + k + " output " + o + when + " (simd)");
        }
    }
}
