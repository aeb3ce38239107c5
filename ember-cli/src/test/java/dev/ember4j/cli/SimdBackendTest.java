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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `ember run --backend simd` (ember-simd, found through ServiceLoader) gives the same bytes as the
 * goldens on the samples and every core conformance case.
 */
class SimdBackendTest {

    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> simdMatchesGoldens() {
        assertTrue(Backends.discover().names().contains("simd"), "ember-simd is a dependency of ember-cli: "
                + Backends.discover().names() + " " + Backends.discover().problems());
        List<DynamicTest> tests = new ArrayList<>();
        for (String sample : new String[] {"speech_yes", "speech_no", "person", "no_person"}) {
            String model = sample.startsWith("speech") ? "speech.tflite" : "person_detect.tflite";
            tests.add(DynamicTest.dynamicTest(sample, () -> {
                Path out = tmp.resolve(sample + ".bin");
                Cli.Result r = Cli.run("run", SharedData.model(model).toString(), "--backend", "simd",
                        "-i", SharedData.sample(sample + ".input.bin").toString(), "-o", out.toString());
                assertEquals(0, r.code(), r::toString);
                assertArrayEquals(SharedData.read(SharedData.sample(sample + ".expected.bin")), Files.readAllBytes(out));
            }));
        }
        for (Path c : SharedData.coreAndExtended()) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                SharedData.assumeSupported(c);
                for (int pair = 0; pair < 3; pair++) {
                    String sfx = SharedData.pairSuffix(pair);
                    List<String> args = new ArrayList<>(List.of("run", c.resolve("model.tflite").toString(),
                            "--backend", "simd"));
                    for (int i = 0; Files.isRegularFile(c.resolve("input" + i + ".bin")); i++) {
                        args.addAll(List.of("-i", c.resolve("input" + i + sfx + ".bin").toString()));
                    }
                    Path dir = tmp.resolve(c.getFileName() + "-" + pair);
                    args.addAll(List.of("--output-dir", dir.toString()));
                    Cli.Result r = Cli.run(args.toArray(String[]::new));
                    assertEquals(0, r.code(), r::toString);
                    for (int o = 0; Files.isRegularFile(c.resolve("expected" + o + ".bin")); o++) {
                        assertArrayEquals(SharedData.read(c.resolve("expected" + o + sfx + ".bin")),
                                Files.readAllBytes(dir.resolve("output" + o + ".bin")),
                                c.getFileName() + " pair " + pair + " output " + o);
                    }
                }
            }));
        }
        return tests;
    }
}
