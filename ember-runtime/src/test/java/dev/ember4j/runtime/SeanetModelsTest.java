/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * TFLM's SEANet integration models (int16 activations, 16x8 quantization), which are not in the
 * repository: &lt;public models&gt;/seanet/&lt;op&gt;/NAME.tflite, from tensorflow/tflite-micro's
 * tensorflow/lite/micro/integration_tests/seanet. The goldens compared are TFLite 2.21 BUILTIN_REF's
 * (NAME.input&lt;k&gt;.bin, NAME.expected0.bin, written by {@code tools/make_i16b_models.py --seanet DIR}), not
 * TFLM's CSVs. Skipped with a message when the directory or the goldens are absent.
 */
class SeanetModelsTest {

    /** The operator folders whose models Ember4j runs. */
    static final List<String> OPERATORS = List.of("add", "sub", "leaky_relu", "pad", "strided_slice", "quantize");

    @TestFactory
    List<DynamicTest> seanetModels() throws IOException {
        Path dir = Path.of(System.getProperty("ember.publicModels",
                PublicModelsTest.root().resolveSibling("public-models").toString())).resolve("seanet");
        List<DynamicTest> tests = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            tests.add(DynamicTest.dynamicTest("seanet", () -> Assumptions.assumeTrue(false, dir
                    + " is absent: copy tensorflow/tflite-micro's tensorflow/lite/micro/integration_tests/seanet/<op>"
                    + " folders there (or set -Dember.publicModels) and run tools/make_i16b_models.py --seanet")));
            return tests;
        }
        for (String op : OPERATORS) {
            Path opDir = dir.resolve(op);
            if (!Files.isDirectory(opDir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(opDir)) {
                for (Path model : s.filter(p -> p.toString().endsWith(".tflite")).sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(op + "/" + model.getFileName(), () -> check(model)));
                }
            }
        }
        return tests;
    }

    private static void check(Path model) throws IOException {
        String name = model.getFileName().toString();
        String stem = name.substring(0, name.length() - ".tflite".length());
        Path d = model.getParent();
        Assumptions.assumeTrue(Files.isRegularFile(d.resolve(stem + ".expected0.bin")), () -> "no TFLite golden for "
                + model + ": run tools/make_i16b_models.py --seanet " + d.getParent());
        byte[] bytes = Files.readAllBytes(model);
        Interpreter it = Interpreter.create(bytes, OpResolver.allBuiltins(), new byte[Interpreter.arenaBytes(bytes)]);
        for (int k = 0; k < it.inputCount(); k++) {
            it.input(k).copyFrom(Files.readAllBytes(d.resolve(stem + ".input" + k + ".bin")));
        }
        it.invoke();
        for (int k = 0; k < it.outputCount(); k++) {
            byte[] out = new byte[it.output(k).byteSize()];
            it.output(k).copyTo(out);
            byte[] expected = Files.readAllBytes(d.resolve(stem + ".expected" + k + ".bin"));
            assertFalse(expected.length == 0, "empty golden");
            assertArrayEquals(expected, out, model + " output " + k + " vs TFLite 2.21 reference kernels");
        }
    }
}
