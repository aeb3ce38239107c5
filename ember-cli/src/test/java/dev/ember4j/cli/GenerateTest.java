/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ember generate}: writes the source and weights resource that the processor would. */
class GenerateTest {

    @Test
    void writesSourceAndWeights(@TempDir Path out) throws IOException {
        Cli.Result r = Cli.run("generate", SharedData.model("sine.tflite").toString(),
                "--package", "demo.models", "--class", "SineModel", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        Path source = out.resolve("demo/models/SineModel.java");
        Path weights = out.resolve("demo/models/SineModel.weights");
        assertTrue(Files.isRegularFile(source), "missing " + source + "\n" + r);
        assertTrue(Files.isRegularFile(weights), "missing " + weights + "\n" + r);
        String java = Files.readString(source);
        assertTrue(java.contains("package demo.models;") && java.contains("class SineModel"), java);
        assertTrue(java.contains("predictQuantized"), "no predictQuantized in generated source");
        assertTrue(Files.size(weights) > 16 * 16, "weights resource too small: " + Files.size(weights));
    }

    @Test
    void unsupportedOperatorExitsWithCodeFive(@TempDir Path out) {
        Cli.Result r = Cli.run("generate", SharedData.unsupportedOperatorModel(out.resolve("m")).toString(),
                "--package", "p", "--class", "C", "--out", out.toString());
        assertEquals(5, r.code(), r.toString());
        assertEquals(1, r.errLines().length, r.toString());
        assertTrue(r.err().startsWith("ember: ") && r.err().contains("HASHTABLE_LOOKUP"), r.toString());
    }

    /** An output path that cannot be created: one line with the path and the reason, no exception class name. */
    @Test
    void unwritableOutputIsOneLineWithTheReason(@TempDir Path tmp) throws Exception {
        Path file = java.nio.file.Files.writeString(tmp.resolve("not-a-dir"), "x");
        Cli.Result r = Cli.run("generate", SharedData.model("sine.tflite").toString(), "--package", "p", "--class", "C",
                "--out", file.toString());
        assertEquals(ExitCodes.IO, r.code(), r.toString());
        assertEquals(1, r.errLines().length, r.toString());
        assertTrue(r.err().startsWith("ember: cannot write " + file), r.toString());
        assertTrue(!r.err().contains("Exception"), r.toString());
    }
}
