/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared sample tensors: first argument, else system property ember.shared, else ../shared. */
final class Samples {
    private Samples() {}

    static Path dir(String[] args) {
        if (args.length > 0) {
            return Path.of(args[0]);
        }
        return Path.of(System.getProperty("ember.shared", "../shared")).resolve("samples");
    }

    static byte[] read(Path dir, String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    /** Prints int8 scores and their dequantized probabilities. */
    static void print(String sample, String[] labels, byte[] scores, float scale, int zeroPoint) {
        int best = 0;
        StringBuilder sb = new StringBuilder(sample).append(':');
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
            sb.append(String.format(" %s=%d (%.3f)", labels[i], scores[i], scale * (scores[i] - zeroPoint)));
        }
        System.out.println(sb.append(" -> ").append(labels[best]));
    }
}
