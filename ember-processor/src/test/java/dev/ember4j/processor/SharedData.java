/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Locates ../shared (system property ember.shared). */
final class SharedData {
    private SharedData() {}

    static Path root() {
        Path root = Path.of(System.getProperty("ember.shared", "../../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("models"))) {
            throw new IllegalStateException("shared test data not found at " + root);
        }
        return root;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> cases(String tier) {
        Path dir = root().resolve("conformance");
        Pattern tierPattern = Pattern.compile("\"tier\"\\s*:\\s*\"(\\w+)\"");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path c : s.sorted().toList()) {
                Path json = c.resolve("case.json");
                if (Files.isRegularFile(json)) {
                    Matcher m = tierPattern.matcher(Files.readString(json));
                    if (m.find() && m.group(1).equals(tier)) {
                        out.add(c);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String pairSuffix(int p) {
        return p == 0 ? "" : "." + p;
    }
}
