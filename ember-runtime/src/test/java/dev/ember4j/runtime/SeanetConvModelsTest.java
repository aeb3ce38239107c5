/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.TensorType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * TFLM's SEANet integration models (16x8 single-layer models), not in the repository: each directory of
 * ../public-models/seanet (or -Dember.publicModels=DIR, whose seanet/ is used) that holds operators this test
 * lists runs every NAME.tflite on its NAME_input&lt;k&gt;_&lt;type&gt;.csv and compares with
 * NAME_refgolden_int16.csv, the TFLite 2.21 BUILTIN_REF output that tools/make_i16a_models.py writes beside it.
 * Skipped with a message when the directory or the goldens are absent.
 */
class SeanetConvModelsTest {
    /** The SEANet directories whose operators this suite covers. */
    private static final List<String> DIRS = List.of("conv", "transpose_conv");

    static Path seanet() {
        Path base = Path.of(System.getProperty("ember.publicModels",
                PublicModelsTest.root().resolveSibling("public-models").toString()));
        return base.resolve("seanet");
    }

    @TestFactory
    List<DynamicTest> seanetModels() throws IOException {
        Path dir = seanet();
        List<DynamicTest> tests = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            tests.add(DynamicTest.dynamicTest("seanet", () -> Assumptions.assumeTrue(false, dir
                    + " is absent: put TFLM's SEANet integration models there (tensorflow/tflite-micro"
                    + " tensorflow/lite/micro/integration_tests/seanet) and run tools/make_i16a_models.py")));
            return tests;
        }
        for (String sub : DIRS) {
            Path d = dir.resolve(sub);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> s = Files.list(d)) {
                s.filter(p -> p.getFileName().toString().endsWith(".tflite")).sorted()
                        .forEach(m -> tests.add(DynamicTest.dynamicTest(sub + "/" + m.getFileName(), () -> check(m))));
            }
        }
        return tests;
    }

    private static void check(Path model) throws Exception {
        String name = model.getFileName().toString();
        String stem = name.substring(0, name.length() - ".tflite".length());
        Path dir = model.getParent();
        Path golden = dir.resolve(stem + "_refgolden_int16.csv");
        Assumptions.assumeTrue(Files.isRegularFile(golden), () -> "no BUILTIN_REF golden for " + model
                + ": run tools/make_i16a_models.py --seanet-only");
        byte[] bytes = Files.readAllBytes(model);
        Interpreter it = Interpreter.create(bytes, OpResolver.allBuiltins(), new byte[Interpreter.arenaBytes(bytes)]);
        for (int k = 0; k < it.inputCount(); k++) {
            TensorType t = it.input(k).type();
            String type = t == TensorType.INT16 ? "int16" : t == TensorType.INT32 ? "int32" : t.name().toLowerCase();
            it.input(k).copyFrom(csv(dir.resolve(stem + "_input" + k + "_" + type + ".csv"), t));
        }
        it.invoke();
        byte[] out = new byte[it.output(0).byteSize()];
        it.output(0).copyTo(out);
        byte[] expected = csv(golden, TensorType.INT16);
        assertTrue(expected.length > 0, "empty golden");
        assertArrayEquals(expected, out, name + " vs TFLite 2.21 BUILTIN_REF");
    }

    private static byte[] csv(Path p, TensorType type) throws IOException {
        String[] v = Files.readString(p).trim().split("[,\\s]+");
        int size = type == TensorType.INT16 ? 2 : type == TensorType.INT32 ? 4 : 1;
        ByteBuffer b = ByteBuffer.allocate(v.length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (String s : v) {
            long x = Long.parseLong(s.trim());
            switch (size) {
                case 2 -> b.putShort((short) x);
                case 4 -> b.putInt((int) x);
                default -> b.put((byte) x);
            }
        }
        return b.array();
    }
}
