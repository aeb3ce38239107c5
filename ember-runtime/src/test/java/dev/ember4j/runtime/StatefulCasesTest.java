/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stateful cases (tools/make_state_models.py, testdata/stateful): every step in order on one
 * Interpreter, bit-exact against TFLite 2.21 BUILTIN_REF run the same way; then resetVariables() and
 * the first steps again give the first outputs.
 */
class StatefulCasesTest {

    static Path statefulDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata/stateful");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/stateful not found");
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(statefulDir())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))).sorted().toList();
        }
    }

    /** Number of steps of a case (step0 ... step{n-1}). */
    static int steps(Path dir) {
        int n = 0;
        while (Files.exists(dir.resolve("step" + n + ".input0.bin"))) {
            n++;
        }
        return n;
    }

    @TestFactory
    List<DynamicTest> statefulCases() throws IOException {
        List<Path> cases = cases();
        assertFalse(cases.isEmpty(), "no stateful cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c))).toList();
    }

    static void runCase(Path dir) {
        byte[] model = SharedData.read(dir.resolve("model.tflite"));
        byte[] arena = new byte[Interpreter.arenaBytes(model)];
        java.util.Arrays.fill(arena, (byte) 0x5a); // the state must come from the model, not a zeroed arena
        Interpreter interpreter = Interpreter.create(model, OpResolver.allBuiltins(), arena);
        assertTrue(interpreter.variableCount() > 0, "a stateful case has variable tensors");
        int steps = steps(dir);
        assertTrue(steps >= 10, "at least 10 steps");
        for (int k = 0; k < steps; k++) {
            step(interpreter, dir, k, "");
        }
        interpreter.resetVariables();
        for (int k = 0; k < 3; k++) {
            step(interpreter, dir, k, " after resetVariables()");
        }
    }

    static void step(Interpreter interpreter, Path dir, int k, String when) {
        for (int i = 0; i < interpreter.inputCount(); i++) {
            interpreter.input(i).copyFrom(SharedData.read(dir.resolve("step" + k + ".input" + i + ".bin")));
        }
        interpreter.invoke();
        for (int o = 0; o < interpreter.outputCount(); o++) {
            byte[] expected = SharedData.read(dir.resolve("step" + k + ".expected" + o + ".bin"));
            byte[] actual = new byte[interpreter.output(o).byteSize()];
            interpreter.output(o).copyTo(actual);
            assertArrayEquals(expected, actual, dir.getFileName() + " step " + k + " output " + o + when);
        }
    }
}
