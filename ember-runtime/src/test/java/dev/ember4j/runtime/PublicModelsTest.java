/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.UnsupportedOperatorException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real public models (tools/public_models.txt), which are not in the repository: each is skipped, with
 * where to get it, when its file is absent from ../public-models (or -Dember.publicModels). A model
 * listed as "runs" must reproduce its TFLite 2.21 reference golden (tools/public_models.py) byte for
 * byte; one listed as "refused: OPS" must be refused at load naming those operators.
 */
class PublicModelsTest {

    record Entry(String name, String source, String sha256, String expected) {}

    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("tools/public_models.txt"))) {
                return p;
            }
        }
        throw new IllegalStateException("tools/public_models.txt not found above " + Path.of("").toAbsolutePath());
    }

    static List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        for (String line : Files.readAllLines(root().resolve("tools/public_models.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\\|");
            assertEquals(4, p.length, "malformed line: " + line);
            out.add(new Entry(p[0].trim(), p[1].trim(), p[2].trim(), p[3].trim()));
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> publicModels() throws IOException {
        Path dir = Path.of(System.getProperty("ember.publicModels", root().resolveSibling("public-models").toString()));
        List<Entry> entries = entries();
        assertTrue(entries.size() >= 5, "at least five public models are listed");
        List<DynamicTest> tests = new ArrayList<>();
        for (Entry e : entries) {
            tests.add(DynamicTest.dynamicTest(e.name(), () -> check(dir, e)));
        }
        return tests;
    }

    private static void check(Path dir, Entry e) throws Exception {
        Path model = dir.resolve(e.name());
        Assumptions.assumeTrue(Files.isRegularFile(model), () -> e.name() + " is not in " + dir
                + ": fetch it from " + e.source() + " (see tools/public_models.txt), then run tools/public_models.py");
        byte[] bytes = Files.readAllBytes(model);
        assertEquals(e.sha256(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                e.name() + " is not the listed version");
        if (e.expected().startsWith("refused:")) {
            UnsupportedOperatorException x = assertThrows(UnsupportedOperatorException.class,
                    () -> Interpreter.create(bytes, OpResolver.allBuiltins(), new byte[1 << 20]));
            for (String op : e.expected().substring("refused:".length()).trim().split(",")) {
                assertTrue(x.getMessage().contains(op.trim()), x.getMessage());
            }
            return;
        }
        assertEquals("runs", e.expected());
        String stem = e.name().substring(0, e.name().length() - ".tflite".length());
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve(stem + ".input0.bin")), () -> "no golden for "
                + e.name() + " in " + dir + ": run tools/public_models.py " + dir);
        Interpreter it = Interpreter.create(bytes, OpResolver.allBuiltins(), new byte[Interpreter.arenaBytes(bytes)]);
        for (int k = 0; k < it.inputCount(); k++) {
            it.input(k).copyFrom(Files.readAllBytes(dir.resolve(stem + ".input" + k + ".bin")));
        }
        it.invoke();
        for (int k = 0; k < it.outputCount(); k++) {
            byte[] out = new byte[it.output(k).byteSize()];
            it.output(k).copyTo(out);
            byte[] expected = Files.readAllBytes(dir.resolve(stem + ".expected" + k + ".bin"));
            assertFalse(expected.length == 0, "empty golden");
            assertArrayEquals(expected, out, e.name() + " output " + k + " vs TFLite 2.21 reference kernels");
        }
        if (Files.isRegularFile(dir.resolve(stem + ".step0.input0.bin"))) {
            checkSteps(dir, stem, bytes, e.name());
        }
    }

    /**
     * A stateful model's multi-step golden (NAME.step&lt;s&gt;.input&lt;k&gt;.bin, .expected): the steps in order on
     * a fresh interpreter, then resetVariables() and the first steps again.
     */
    private static void checkSteps(Path dir, String stem, byte[] bytes, String name) throws IOException {
        Interpreter it = Interpreter.create(bytes, OpResolver.allBuiltins(), new byte[Interpreter.arenaBytes(bytes)]);
        int steps = 0;
        while (Files.isRegularFile(dir.resolve(stem + ".step" + steps + ".input0.bin"))) {
            steps++;
        }
        assertTrue(steps >= 10, name + ": at least 10 steps");
        for (int n = 0; n < steps + 3; n++) {
            int s = n < steps ? n : n - steps;
            if (n == steps) {
                it.resetVariables();
            }
            for (int k = 0; k < it.inputCount(); k++) {
                it.input(k).copyFrom(Files.readAllBytes(dir.resolve(stem + ".step" + s + ".input" + k + ".bin")));
            }
            it.invoke();
            for (int k = 0; k < it.outputCount(); k++) {
                byte[] out = new byte[it.output(k).byteSize()];
                it.output(k).copyTo(out);
                byte[] expected = Files.readAllBytes(dir.resolve(stem + ".step" + s + ".expected" + k + ".bin"));
                assertArrayEquals(expected, out, name + " step " + s + (n >= steps ? " after resetVariables()" : "")
                        + " output " + k + " vs TFLite 2.21 reference kernels");
            }
        }
    }
}
