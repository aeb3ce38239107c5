/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.tflite.TestCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The repository's own generated cases (tools/make_models.py), bit-exact through the Interpreter. */
class GeneratedCasesTest {

    static List<Path> cases() throws IOException {
        return TestCases.generated();
    }

    @TestFactory
    List<DynamicTest> generatedCases() throws IOException {
        List<Path> cases = cases();
        assertFalse(cases.isEmpty(), "no generated cases");
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> ConformanceTest.runCase(c)))
                .toList();
    }
}
