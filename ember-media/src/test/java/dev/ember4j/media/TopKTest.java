/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember4j.runtime.Interpreter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopKTest {
    @TempDir
    Path tmp;

    @Test
    void speechYesIsFirstWithDequantizedScores() throws Exception {
        Path shared = ImageInputTest.shared();
        try (Interpreter it = Interpreter.builder(shared.resolve("models/speech.tflite")).build()) {
            it.input(0).copyFrom(Files.readAllBytes(shared.resolve("samples/speech_yes.input.bin")));
            it.invoke();
            List<TopK.Entry> top = TopK.of(it.output(0), List.of("silence", "unknown", "yes", "no"), 2);
            assertEquals(2, top.size());
            assertEquals(new TopK.Entry(2, "yes", 255 / 256f), top.get(0));
            // the other three are all -128 -> 0.0: a tie, broken by index
            assertEquals(new TopK.Entry(0, "silence", 0f), top.get(1));
        }
    }

    @Test
    void tiesKeepIndexOrderAndKIsCapped() {
        List<TopK.Entry> top = TopK.of(new float[] {0.1f, 0.5f, 0.5f, 0.9f, 0.5f}, null, 10);
        assertEquals(List.of(3, 1, 2, 4, 0), top.stream().map(TopK.Entry::index).toList());
        assertEquals("3", top.get(0).label());
        assertThrows(IllegalArgumentException.class, () -> TopK.of(new float[] {1}, null, 0));
        assertThrows(IllegalArgumentException.class, () -> TopK.of(new float[] {1, 2}, List.of("a"), 1));
    }

    @Test
    void labelFiles() throws Exception {
        Path f = tmp.resolve("labels.txt");
        Files.write(f, "\uFEFFno person\r\n person \n\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("no person", "person"), TopK.readLabels(f));
    }
}
