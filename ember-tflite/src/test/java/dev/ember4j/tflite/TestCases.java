/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.tflite.prepare.ModelPreparer;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's own golden cases (testdata/generated, made by tools/make_*models.py), for every
 * module's tests (test-jar): where they are, and whether the registry on the class path runs a case.
 */
public final class TestCases {
    private TestCases() {}

    /** testdata/generated, found above the working directory (surefire runs in a module directory). */
    public static Path generatedDir() {
        return testdata("generated");
    }

    /** Every case directory of testdata/generated (one holding a model.tflite), sorted. */
    public static List<Path> generated() {
        return caseDirs(generatedDir());
    }

    /**
     * Every stateful case of testdata/stateful (tools/make_state_models.py, make_lstm_models.py,
     * make_resvar_models.py): a model.tflite with step&lt;k&gt;.input&lt;i&gt;.bin / step&lt;k&gt;.expected&lt;o&gt;.bin over
     * consecutive invokes, sorted.
     */
    public static List<Path> stateful() {
        return caseDirs(testdata("stateful"));
    }

    /** Number of steps of a stateful case (step0 ... step{n-1}). */
    public static int steps(Path caseDir) {
        int n = 0;
        while (Files.exists(caseDir.resolve("step" + n + ".input0.bin"))) {
            n++;
        }
        return n;
    }

    private static Path testdata(String name) {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/" + name + " not found above " + here);
    }

    private static List<Path> caseDirs(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operators of a case's model.tflite that no registered operator runs ("PACK", "CUSTOM(Foo)"), with their counts. */
    public static Map<String, Integer> missingOperators(Path caseDir) {
        try {
            byte[] model = Files.readAllBytes(caseDir.resolve("model.tflite"));
            return ModelPreparer.unsupported(ModelReader.read(ByteBuffer.wrap(model)).operators());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips (JUnit assumption) a case with an operator the registry does not have, naming it. */
    public static void assumeSupported(Path caseDir) {
        Map<String, Integer> missing = missingOperators(caseDir);
        Assumptions.assumeTrue(missing.isEmpty(), () -> "not yet supported: " + missing);
    }
}
