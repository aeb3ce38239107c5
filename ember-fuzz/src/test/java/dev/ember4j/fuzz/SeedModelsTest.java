/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.fuzz;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The fuzz properties over the seed corpus that {@code tools/fuzz.sh} points the fuzzer at: every
 * {@code testdata/generated/}{@code *}{@code /model.tflite} of this repository (read, prepare, generate, and
 * create + invoke on ref and simd). The reproducers of findings run as Jazzer regression inputs instead.
 */
class SeedModelsTest {
    static List<Path> seedModels() throws IOException {
        Path root = Path.of(System.getProperty("ember.repo", "..")).resolve("testdata/generated");
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> d.resolve("model.tflite")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyGeneratedModel() throws IOException {
        List<Path> models = seedModels();
        assertFalse(models.isEmpty(), "no testdata/generated/*/model.tflite found");
        return models.stream().map(p -> DynamicTest.dynamicTest(p.getParent().getFileName().toString(), () -> {
            byte[] model = Files.readAllBytes(p);
            FuzzHarness.read(model);
            FuzzHarness.prepare(model);
            FuzzHarness.generate(model);
            FuzzHarness.invoke(model);
        }));
    }
}
