/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.ops.Operators;
import dev.ember4j.tflite.ModelReader;
import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.SubgraphDef;
import dev.ember4j.tflite.TestCases;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.prepare.OperatorSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every operator of the registry has golden cases: some model with TFLite 2.21 reference outputs that the
 * test suites run bit-exactly contains it — this repository's cases (testdata/generated, testdata/stateful)
 * or the shared corpus (../shared: conformance cases, reference and MLPerf Tiny models). A new operator
 * without goldens fails here, naming it.
 */
class EveryOperatorHasGoldensTest {

    private static Path shared() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("conformance"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("../shared not found");
    }

    private static void collect(Path model, Set<String> into) {
        try {
            TfliteModel m = ModelReader.read(ByteBuffer.wrap(Files.readAllBytes(model)));
            for (SubgraphDef g : m.subgraphs()) {
                for (OperatorDef op : g.operators()) {
                    into.add(op.name());
                }
            }
        } catch (IOException | RuntimeException e) {
            // a deliberately malformed case: it has no goldens to count
        }
    }

    @Test
    void everyRegisteredOperatorAppearsInAModelWithGoldens() throws IOException {
        Set<String> covered = new TreeSet<>();
        List<Path> roots = List.of(TestCases.generatedDir(), TestCases.generatedDir().resolveSibling("stateful"),
                shared().resolve("conformance"), shared().resolve("models"));
        int models = 0;
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".tflite"))::iterator) {
                    collect(p, covered);
                    models++;
                }
            }
        }
        assertTrue(models > 400, "models found: " + models);
        Set<String> missing = new TreeSet<>();
        for (OperatorSpec spec : new Operators().operators()) {
            String name = OperatorDef.name(spec.op(), spec.customCode());
            if (!covered.contains(name)) {
                missing.add(name);
            }
        }
        assertTrue(missing.isEmpty(), "registered operators without a golden case: " + missing);
    }

    /**
     * Every case of testdata/generated is named {@code <operator>_<variant>} after the operator it tests and
     * says in manifest.json what it tests, which script under tools/ made it and with which TensorFlow.
     */
    @Test
    void everyGeneratedCaseIsNamedAfterItsOperatorAndHasAManifest() throws IOException {
        java.util.regex.Pattern field = java.util.regex.Pattern.compile("\"(operator|script|tensorflow)\": \"([^\"]+)\"");
        Path tools = TestCases.generatedDir().getParent().resolveSibling("tools");
        List<String> wrong = new java.util.ArrayList<>();
        List<Path> cases = TestCases.generated();
        for (Path c : cases) {
            Path manifest = c.resolve("manifest.json");
            if (!Files.isRegularFile(manifest)) {
                wrong.add(c.getFileName() + ": no manifest.json");
                continue;
            }
            java.util.Map<String, String> m = new java.util.HashMap<>();
            java.util.regex.Matcher x = field.matcher(Files.readString(manifest));
            while (x.find()) {
                m.put(x.group(1), x.group(2));
            }
            String name = c.getFileName().toString();
            String op = m.getOrDefault("operator", "?");
            String stem = op.equals("TFLite_Detection_PostProcess") ? "detection_postprocess" : op.toLowerCase(java.util.Locale.ROOT);
            if (!name.startsWith(stem + "_") && !name.equals(stem)) {
                wrong.add(name + ": not named after its operator " + op);
            }
            if (!m.containsKey("script") || !Files.isRegularFile(tools.resolveSibling(m.get("script")))) {
                wrong.add(name + ": generator script " + m.get("script") + " not found");
            }
            if (!"2.21.0".equals(m.get("tensorflow"))) {
                wrong.add(name + ": goldens from TensorFlow " + m.get("tensorflow") + ", not 2.21.0");
            }
        }
        assertTrue(cases.size() > 400, "cases found: " + cases.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
