/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.it;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Starts the application module {@code dev.ember4j.it.app} in a new JVM with {@code java -p ... -m}, only
 * Ember4j's modules on the module path (nothing on the class path), and checks its sine outputs against
 * TensorFlow Lite's reference-kernel outputs: so every published module's descriptor (exports, requires,
 * the KernelBackend and OperatorSet services) is exercised as a modular application sees it.
 */
class ModulePathTest {
    private static final Path SHARED = Path.of(System.getProperty("ember.shared", "../../shared"));
    private static final String APP = "dev.ember4j.it.app";

    @Test
    void sineRunsOnTheModulePathWithTheSimdBackendFoundAsAService() throws Exception {
        Path model = SHARED.resolve("models/sine.tflite");
        Path inputs = SHARED.resolve("samples/sine_sweep.input.bin");
        Path expected = SHARED.resolve("samples/sine_sweep.expected.bin");
        assumeTrue(Files.isRegularFile(model) && Files.isRegularFile(expected),
                "skipped: " + model + " and " + expected + " (../shared beside the checkout) are absent");

        List<String> modulePath = modulePath();
        Path out = Files.createTempDirectory("ember-it-modules");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Vector API kernels on this JDK too (SimdSupport enables them by default from JDK 25).
                "-Dember.simd.force=true",
                "-p", String.join(File.pathSeparator, modulePath),
                "-m", APP + "/dev.ember4j.it.app.SineSweep",
                inputs.toString(), out.toString(), "ref", "simd");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(log);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + log);
        assertEquals(0, p.exitValue(), "exit code; command " + command + "\n" + log);

        assertTrue(log.contains("app module: " + APP), log);
        assertTrue(log.contains("backend ref: dev.ember4j.core.ReferenceBackend in module dev.ember4j.core"), log);
        assertTrue(log.contains("backend simd: dev.ember4j.simd.SimdBackendProvider in module dev.ember4j.simd"), log);
        // The descriptor of dev.ember4j.simd must bring jdk.incubator.vector along by itself.
        assertFalse(log.contains("jdk.incubator.vector is not available"), log);
        assertTrue(log.contains("generated: dev.ember4j.it.app.SineModel in module " + APP), log);

        byte[] golden = Files.readAllBytes(expected);
        for (String run : List.of("ref", "simd", "generated")) {
            assertArrayEquals(golden, Files.readAllBytes(out.resolve(run + ".bin")), run + " outputs\n" + log);
        }
    }

    /** This module's classes and every Ember4j module among the test's dependencies; test libraries stay out. */
    private static List<String> modulePath() {
        List<String> path = EmberModules.onClassPath().stream().map(EmberModules.Entry::path).toList();
        assertTrue(path.stream().anyMatch(e -> e.contains("ember-it-modules")), "app classes not found: " + path);
        return path;
    }
}
