/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.runtime.Interpreter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds utterances frame by frame to a stateful keyword-spotting model and prints the best class after every
 * frame, resetting the model's state between utterances. Arguments: [MODEL [UTTERANCE ...]], each utterance a
 * raw file of frames back to back. Without arguments: testdata/streaming/kws_svdf (tools/make_stream_models.py:
 * random weights, so the labels are names only) and its utterances.
 */
public final class StreamingExample {
    private StreamingExample() {}

    static final String[] LABELS = {"silence", "unknown", "yes", "no"};

    public static void main(String[] args) throws IOException {
        Path model = args.length > 0 ? Path.of(args[0]) : caseDir().resolve("model.tflite");
        List<Path> utterances = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            utterances.add(Path.of(args[i]));
        }
        if (args.length <= 1) {
            for (int u = 0; Files.exists(caseDir().resolve("utt" + u + ".input0.bin")); u++) {
                utterances.add(caseDir().resolve("utt" + u + ".input0.bin"));
            }
        }
        try (Interpreter interpreter = Interpreter.builder(model).build()) {
            StreamingKeywordSpotter spotter = new StreamingKeywordSpotter(interpreter, LABELS);
            byte[] frame = new byte[spotter.frameBytes()];
            for (Path u : utterances) {
                byte[] frames = Files.readAllBytes(u);
                if (frames.length % frame.length != 0) {
                    throw new IllegalArgumentException(u + " has " + frames.length + " bytes, not a whole number of "
                            + frame.length + "-byte frames");
                }
                spotter.startUtterance();
                StringBuilder line = new StringBuilder(u.getFileName() + ":");
                for (int off = 0; off < frames.length; off += frame.length) {
                    System.arraycopy(frames, off, frame, 0, frame.length);
                    line.append(' ').append(spotter.label(spotter.push(frame)));
                }
                System.out.println(line + "  (last scores " + Arrays.toString(spotter.scores()) + ")");
            }
        }
    }

    /** testdata/streaming/kws_svdf, found above the working directory. */
    static Path caseDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata/streaming/kws_svdf");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/streaming/kws_svdf not found above " + Path.of("").toAbsolutePath());
    }
}
