/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.runtime.Interpreter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming spotter against TensorFlow Lite's goldens (tools/make_stream_models.py): every frame's scores of
 * three utterances fed frame by frame, the state reset between utterances as TFLite's reset_all_variables().
 */
class StreamingKeywordSpotterTest {

    private static StreamingKeywordSpotter spotter(Path model) throws IOException {
        return new StreamingKeywordSpotter(Interpreter.builder(model).build(), StreamingExample.LABELS);
    }

    /** Feeds one stacked utterance file; returns the raw scores of every frame back to back. */
    private static byte[] feed(StreamingKeywordSpotter s, byte[] frames) {
        byte[] frame = new byte[s.frameBytes()];
        byte[] out = new byte[frames.length / frame.length * s.scoreBytes()];
        byte[] scores = new byte[s.scoreBytes()];
        for (int f = 0; f * frame.length < frames.length; f++) {
            System.arraycopy(frames, f * frame.length, frame, 0, frame.length);
            int best = s.push(frame);
            s.rawScores(scores);
            System.arraycopy(scores, 0, out, f * scores.length, scores.length);
            float[] real = s.scores();
            for (float v : real) {
                assertTrue(v <= real[best], "push returns the best class");
            }
        }
        return out;
    }

    @Test
    void utterancesMatchTfliteFrameByFrame() throws IOException {
        Path dir = StreamingExample.caseDir();
        StreamingKeywordSpotter s = spotter(dir.resolve("model.tflite"));
        int utterances = 0;
        for (int u = 0; Files.exists(dir.resolve("utt" + u + ".input0.bin")); u++, utterances++) {
            if (u > 0) {
                s.startUtterance();
            }
            byte[] frames = Files.readAllBytes(dir.resolve("utt" + u + ".input0.bin"));
            assertArrayEquals(Files.readAllBytes(dir.resolve("utt" + u + ".expected0.bin")), feed(s, frames),
                    "utterance " + u);
            assertEquals(frames.length / s.frameBytes(), s.framesInUtterance());
        }
        assertEquals(3, utterances);
    }

    /** Without startUtterance() the second utterance continues the first one's state, and its scores differ. */
    @Test
    void stateCarriesOverUntilReset() throws IOException {
        Path dir = StreamingExample.caseDir();
        StreamingKeywordSpotter s = spotter(dir.resolve("model.tflite"));
        feed(s, Files.readAllBytes(dir.resolve("utt0.input0.bin")));
        byte[] continued = feed(s, Files.readAllBytes(dir.resolve("utt1.input0.bin")));
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("utt1.expected0.bin")), continued));
    }

    @Test
    void pushAllocatesNothing() throws IOException {
        Path dir = StreamingExample.caseDir();
        StreamingKeywordSpotter s = spotter(dir.resolve("model.tflite"));
        byte[] frame = Arrays.copyOf(Files.readAllBytes(dir.resolve("utt0.input0.bin")), s.frameBytes());
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        long id = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(id);
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 6 && allocated != 0; round++) { // JIT warm-up may allocate in early rounds
            for (int i = 0; i < 500; i++) {
                s.push(frame);
            }
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100; i++) {
                s.push(frame);
                if (i % 10 == 0) {
                    s.startUtterance();
                }
            }
            allocated = threads.getThreadAllocatedBytes(id) - before;
        }
        assertEquals(0, allocated, "bytes allocated over 100 frames");
    }

    @Test
    void refusesAStatelessModel() throws IOException {
        Path shared = KeywordSpotterTest.shared().resolve("models/speech.tflite");
        Interpreter stateless = Interpreter.builder(shared).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StreamingKeywordSpotter(stateless, Speech.LABELS));
        assertTrue(e.getMessage().contains("no variable tensors"), e.getMessage());
    }

    /** TFLM's keyword_scrambled (scrambled weights, unnamed classes) from ../public-models: its 12 TFLite step goldens. */
    @Test
    void keywordScrambledPublicModel() throws IOException {
        Path pub = Path.of(System.getProperty("ember.publicModels",
                StreamingExample.caseDir().getParent().getParent().getParent().resolveSibling("public-models")
                        .toString()));
        Path model = pub.resolve("keyword_scrambled.tflite");
        Assumptions.assumeTrue(Files.isRegularFile(model) && Files.isRegularFile(pub.resolve(
                "keyword_scrambled.step11.expected0.bin")), () -> "keyword_scrambled.tflite and its step goldens are "
                + "not in " + pub + " (tools/public_models.txt)");
        Interpreter interpreter = Interpreter.builder(model).build();
        String[] labels = new String[interpreter.output(0).elementCount()];
        Arrays.setAll(labels, c -> "class " + c);
        StreamingKeywordSpotter s = new StreamingKeywordSpotter(interpreter, labels);
        byte[] scores = new byte[s.scoreBytes()];
        for (int k = 0; k < 12; k++) {
            s.push(Files.readAllBytes(pub.resolve("keyword_scrambled.step" + k + ".input0.bin")));
            s.rawScores(scores);
            assertArrayEquals(Files.readAllBytes(pub.resolve("keyword_scrambled.step" + k + ".expected0.bin")), scores,
                    "step " + k);
        }
    }
}
