/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Locates ../shared (system property ember.shared) and its conformance cases. */
final class SharedData {
    private SharedData() {}

    static Path root() {
        String p = System.getProperty("ember.shared", "../shared");
        Path root = Path.of(p).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("models"))) {
            // Tests run from a module directory: try the checkout's sibling.
            Path alt = Path.of("").toAbsolutePath().getParent().resolveSibling("shared");
            if (Files.isDirectory(alt.resolve("models"))) {
                return alt;
            }
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

    static byte[] model(String name) {
        return read(root().resolve("models").resolve(name));
    }

    static byte[] sample(String name) {
        return read(root().resolve("samples").resolve(name));
    }

    /** Conformance case directories of a tier ("core" or "extended"), sorted by name. */
    static List<Path> cases(String tier) {
        Path dir = root().resolve("conformance");
        Pattern tierPattern = Pattern.compile("\"tier\"\\s*:\\s*\"(\\w+)\"");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path c : s.sorted().toList()) {
                Path json = c.resolve("case.json");
                if (!Files.isRegularFile(json)) {
                    continue;
                }
                Matcher m = tierPattern.matcher(Files.readString(json));
                if (m.find() && m.group(1).equals(tier)) {
                    out.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Suffix of pair p: "" for pair 0, ".1", ".2". */
    static String pairSuffix(int p) {
        return p == 0 ? "" : "." + p;
    }
}
