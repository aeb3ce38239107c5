/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `ember run` on every core conformance case, all 3 input pairs, bit-exact. Single-output cases use
 * --output and --output-dir; multi-output cases use --output-dir.
 */
class RunConformanceTest {

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> coreCases() {
        List<Path> cases = new ArrayList<>(SharedData.coreAndExtended());
        cases.addAll(SharedData.generated());
        assertFalse(cases.isEmpty(), "no core conformance cases found");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c)));
        }
        return tests;
    }

    private void runCase(Path dir) throws Exception {
        SharedData.assumeSupported(dir);
        int inputs = count(dir, "input");
        int outputs = count(dir, "expected");
        assertTrue(inputs >= 1 && outputs >= 1, dir + ": no input/expected files");
        for (int pair = 0; pair < 3; pair++) {
            String sfx = SharedData.pairSuffix(pair);
            List<String> args = new ArrayList<>(List.of("run", dir.resolve("model.tflite").toString()));
            for (int i = 0; i < inputs; i++) {
                Path f = dir.resolve("input" + i + sfx + ".bin");
                assertTrue(Files.isRegularFile(f), f + " missing");
                args.add("--input");
                args.add(f.toString());
            }
            String name = dir.getFileName() + " pair " + pair;
            Path outDir = tmp.resolve(dir.getFileName() + "-" + pair);
            List<String> dirArgs = new ArrayList<>(args);
            dirArgs.addAll(List.of("--output-dir", outDir.toString()));
            Cli.Result r = Cli.run(dirArgs.toArray(String[]::new));
            assertEquals(0, r.code(), () -> name + ": " + r);
            for (int o = 0; o < outputs; o++) {
                assertArrayEquals(SharedData.read(dir.resolve("expected" + o + sfx + ".bin")),
                        Files.readAllBytes(outDir.resolve("output" + o + ".bin")), name + " output " + o);
            }
            assertFalse(Files.exists(outDir.resolve("output" + outputs + ".bin")), name + ": extra output file");
            if (outputs == 1) {
                Path out = tmp.resolve(dir.getFileName() + "-" + pair + ".bin");
                List<String> fileArgs = new ArrayList<>(args);
                fileArgs.addAll(List.of("--output", out.toString()));
                Cli.Result r1 = Cli.run(fileArgs.toArray(String[]::new));
                assertEquals(0, r1.code(), () -> name + ": " + r1);
                assertArrayEquals(SharedData.read(dir.resolve("expected0" + sfx + ".bin")), Files.readAllBytes(out),
                        name + " --output");
            }
        }
    }

    /** Number of consecutive files PREFIX0.bin, PREFIX1.bin, ... in the case directory. */
    private static int count(Path dir, String prefix) {
        int n = 0;
        while (Files.isRegularFile(dir.resolve(prefix + n + ".bin"))) {
            n++;
        }
        return n;
    }
}
