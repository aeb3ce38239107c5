/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationTest {
    static final Path MODELS = Path.of(System.getProperty("ember.shared", "../../shared"), "models");

    @TempDir
    Path dir;

    Generation generation(String pkg, String suffix) {
        return new Generation(dir.resolve("tflite"), dir.resolve("src"), dir.resolve("res"),
                dir.resolve("state.properties"), pkg, "", suffix, "test-generator", new SystemStreamLog());
    }

    Path copy(String model, String as) throws IOException {
        Path to = dir.resolve("tflite").resolve(as);
        Files.createDirectories(to.getParent());
        return Files.copy(MODELS.resolve(model), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Sets every generated file's mtime to a fixed past instant, so any rewrite is visible. */
    void age(Path... files) throws IOException {
        for (Path f : files) {
            Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000_000_000L));
        }
    }

    String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @Test
    void generatesOnceThenOnlyWhatChanged() throws IOException {
        copy("sine.tflite", "sine.tflite");
        copy("sine.tflite", "audio/kws.tflite");
        Generation.Result r = generation("com.example", "Model").run();
        assertEquals(List.of("audio/kws.tflite", "sine.tflite"), r.generated());
        assertTrue(r.errors().isEmpty());
        Path sine = dir.resolve("src/com/example/SineModel.java");
        Path sineW = dir.resolve("res/com/example/SineModel.weights");
        Path kws = dir.resolve("src/com/example/audio/KwsModel.java");
        Path kwsW = dir.resolve("res/com/example/audio/KwsModel.weights");
        assertTrue(read(kws).contains("package com.example.audio;"));
        assertTrue(Files.isRegularFile(sineW) && Files.isRegularFile(kwsW));
        age(sine, sineW, kws, kwsW);
        Path state = dir.resolve("state.properties");
        age(state);

        // No change: nothing written, not even the state file.
        r = generation("com.example", "Model").run();
        assertEquals(List.of(), r.generated());
        assertEquals(2, r.upToDate().size());
        for (Path p : List.of(sine, sineW, kws, kwsW, state)) {
            assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(p).toMillis(), p.toString());
        }

        // Model replaced by another: that one regenerated with the new model's constants, the other untouched.
        copy("speech.tflite", "audio/kws.tflite");
        r = generation("com.example", "Model").run();
        assertEquals(List.of("audio/kws.tflite"), r.generated());
        assertTrue(read(kws).contains("INPUT_LENGTH = 1960;"), "speech model constants");
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(sine).toMillis());

        // Missing output: regenerated.
        Files.delete(sineW);
        r = generation("com.example", "Model").run();
        assertEquals(List.of("sine.tflite"), r.generated());
        assertTrue(Files.isRegularFile(sineW));

        // Configuration changed: everything regenerated under the new names, old outputs deleted.
        r = generation("org.other", "Net").run();
        assertEquals(2, r.generated().size());
        assertTrue(Files.isRegularFile(dir.resolve("src/org/other/SineNet.java")));
        assertFalse(Files.exists(sine));
        assertFalse(Files.exists(kwsW));

        // Model removed: its outputs deleted.
        Files.delete(dir.resolve("tflite/sine.tflite"));
        r = generation("org.other", "Net").run();
        assertEquals(List.of(), r.generated());
        assertFalse(Files.exists(dir.resolve("src/org/other/SineNet.java")));
        assertTrue(Files.exists(dir.resolve("src/org/other/audio/KwsNet.java")));
    }

    @Test
    void malformedModelReportsPathAndReason() throws IOException {
        Path bad = dir.resolve("tflite/broken.tflite");
        Files.createDirectories(bad.getParent());
        Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        copy("sine.tflite", "sine.tflite");
        Generation.Result r = generation("p", "Model").run();
        assertEquals(List.of("sine.tflite"), r.generated(), "good models still generated");
        assertEquals(1, r.errors().size());
        String msg = r.errors().get(0);
        assertTrue(msg.contains(bad.toString()) && msg.length() > ("Ember: cannot compile model " + bad + ": ").length(),
                msg);
        // Not recorded: the next run fails again.
        assertEquals(1, generation("p", "Model").run().errors().size());
    }

    @Test
    void classNames() {
        assertEquals("Kws", Generation.baseName("kws.tflite"));
        assertEquals("KeywordSpotterV2", Generation.baseName("keyword_spotter-v2.tflite"));
        assertEquals("_3dNet", Generation.baseName("3d net.tflite"));
        assertEquals("dev.my_group", Generation.sanitizePackage("dev.my-group"));
    }
}
