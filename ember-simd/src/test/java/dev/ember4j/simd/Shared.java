/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads ../shared (system property ember.shared). */
final class Shared {
    private Shared() {}

    static Path root() {
        Path root = Path.of(System.getProperty("ember.shared", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("models"))) {
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

    /** The named shared models, then every core conformance case's model (at least one). */
    static List<Path> modelsAndCoreCases(String... names) {
        List<Path> models = new ArrayList<>();
        for (String m : names) {
            models.add(root().resolve("models").resolve(m));
        }
        List<Path> cases = cases("core");
        if (cases.isEmpty()) {
            throw new IllegalStateException("no core conformance cases under " + root());
        }
        for (Path c : cases) {
            models.add(c.resolve("model.tflite"));
        }
        return models;
    }

    /** A test name for a model path: its directory and file name. */
    static String label(Path model) {
        return model.getParent().getFileName() + "/" + model.getFileName();
    }

    static List<Path> cases(String tier) {
        Pattern tierPattern = Pattern.compile("\"tier\"\\s*:\\s*\"(\\w+)\"");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root().resolve("conformance"))) {
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
}
