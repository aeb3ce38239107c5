/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every core conformance case, all input pairs, bit-exact through the Interpreter. */
class ConformanceTest {

    @TestFactory
    List<DynamicTest> coreCases() {
        List<Path> cases = SharedData.cases("core");
        assertFalse(cases.isEmpty(), "no core conformance cases found");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
        }
        return tests;
    }

    /**
     * Every extended case whose operators the registry has; a case with an operator not yet ported is
     * reported as skipped, naming the operator.
     */
    @TestFactory
    List<DynamicTest> extendedCases() {
        List<Path> cases = SharedData.cases("extended");
        assertFalse(cases.isEmpty(), "no extended conformance cases found");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                dev.ember4j.tflite.TestCases.assumeSupported(c);
                runCase(c);
            }));
        }
        return tests;
    }

    static void runCase(Path dir) {
        byte[] model = SharedData.read(dir.resolve("model.tflite"));
        byte[] arena = new byte[Interpreter.arenaBytes(model)];
        Interpreter interpreter = Interpreter.create(model, OpResolver.allBuiltins(), arena);
        for (int pair = 0; pair < 3; pair++) {
            String sfx = SharedData.pairSuffix(pair);
            for (int i = 0; i < interpreter.inputCount(); i++) {
                interpreter.input(i).copyFrom(SharedData.read(dir.resolve("input" + i + sfx + ".bin")));
            }
            interpreter.invoke();
            for (int o = 0; o < interpreter.outputCount(); o++) {
                Path expectedFile = dir.resolve("expected" + o + sfx + ".bin");
                byte[] expected = SharedData.read(expectedFile);
                byte[] actual = new byte[interpreter.output(o).byteSize()];
                interpreter.output(o).copyTo(actual);
                assertArrayEquals(expected, actual, dir.getFileName() + " pair " + pair + " output " + o);
            }
        }
        assertFalse(Files.exists(dir.resolve("input0.3.bin")), "unexpected fourth pair");
    }
}
