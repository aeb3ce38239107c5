/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Locates ../shared (system property ember.shared); read in place, never copied. */
final class SharedData {
    private SharedData() {}

    static Path root() {
        Path root = Path.of(System.getProperty("ember.shared", "../../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("models"))) {
            Path alt = Path.of("").toAbsolutePath().getParent().resolveSibling("shared");
            if (Files.isDirectory(alt.resolve("models"))) {
                return alt;
            }
            throw new IllegalStateException("shared test data not found at " + root);
        }
        return root;
    }

    static Path model(String name) {
        return root().resolve("models").resolve(name);
    }

    static Path sample(String name) {
        return root().resolve("samples").resolve(name);
    }

    static Path conformance(String name) {
        return root().resolve("conformance").resolve(name);
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Conformance case directories of a tier ("core" or "extended"), sorted by name. */
    static List<Path> cases(String tier) {
        Pattern tierPattern = Pattern.compile("\"tier\"\\s*:\\s*\"(\\w+)\"");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root().resolve("conformance"))) {
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

    /** Core and extended cases; each extended one only runs when the registry has all its operators. */
    static List<Path> coreAndExtended() {
        List<Path> all = new ArrayList<>(cases("core"));
        all.addAll(cases("extended"));
        return all;
    }

    /** The repository's own TF-made cases (testdata/generated), one per registry operator and variant. */
    static List<Path> generated() {
        return dev.ember4j.tflite.TestCases.generated();
    }

    /** Skips (JUnit assumption) a case with an operator the registry does not have yet, naming it. */
    static void assumeSupported(Path caseDir) {
        dev.ember4j.tflite.TestCases.assumeSupported(caseDir);
    }

    /** A model with an operator Ember4j does not run (HASHTABLE_LOOKUP, two int8 inputs), written to {@code dir}. */
    static Path unsupportedOperatorModel(Path dir) {
        byte[] bytes = dev.ember4j.tflite.OperatorCodes.withOperator(
                read(conformance("mul_two_inputs_same_shape").resolve("model.tflite")),
                dev.ember4j.tflite.BuiltinOperator.HASHTABLE_LOOKUP);
        try {
            java.nio.file.Files.createDirectories(dir);
            return java.nio.file.Files.write(dir.resolve("hashtable_lookup.tflite"), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
