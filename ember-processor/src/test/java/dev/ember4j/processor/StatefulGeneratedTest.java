/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.processor;

import dev.ember4j.codegen.GeneratedModel;
import dev.ember4j.codegen.ModelCodegen;
import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.runtime.Interpreter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stateful cases of testdata/stateful through generated code: every step in order, with the thread's
 * workspace and with the caller's arena (reset with the generated resetVariables(byte[])), bit-exact
 * against TFLite's goldens; resetVariables() then gives the first outputs again.
 */
class StatefulGeneratedTest {
    @TempDir
    static Path tmp;
    static List<Path> cases;
    static ClassLoader loader;

    @BeforeAll
    static void generateAndCompile() throws Exception {
        Path dir = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && dir == null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testdata/stateful"))) {
                dir = p.resolve("testdata/stateful");
            }
        }
        assertTrue(dir != null, "testdata/stateful not found");
        try (var s = Files.list(dir)) {
            cases = s.filter(d -> Files.isRegularFile(d.resolve("model.tflite"))).sorted().toList();
        }
        assertFalse(cases.isEmpty(), "no stateful cases");
        Path src = tmp.resolve("src");
        Path out = tmp.resolve("classes");
        for (int i = 0; i < cases.size(); i++) {
            GeneratedModel g = ModelCodegen.generate(SharedData.read(cases.get(i).resolve("model.tflite")),
                    "gen.s" + i, "StateModel", null, cases.get(i).getFileName().toString());
            Path s = src.resolve(g.sourcePath());
            Files.createDirectories(s.getParent());
            Files.writeString(s, g.source());
            Path r = out.resolve(g.resourcePath());
            Files.createDirectories(r.getParent());
            Files.write(r, g.resource());
        }
        Compilation c = Compilation.compile(src, out, null, List.of());
        assertTrue(c.success, c.errors());
        loader = c.loader();
    }

    @TestFactory
    List<DynamicTest> statefulCases() {
        return java.util.stream.IntStream.range(0, cases.size())
                .mapToObj(i -> DynamicTest.dynamicTest(cases.get(i).getFileName().toString(), () -> runCase(i)))
                .toList();
    }

    private static int steps(Path dir) {
        int n = 0;
        while (Files.exists(dir.resolve("step" + n + ".input0.bin"))) {
            n++;
        }
        return n;
    }

    private static void runCase(int index) throws Exception {
        Path dir = cases.get(index);
        Class<?> cls = Class.forName("gen.s" + index + ".StateModel", true, loader);
        KernelBackend backend = new ReferenceBackend();
        byte[] model = SharedData.read(dir.resolve("model.tflite"));
        assertEquals(Interpreter.arenaBytes(model), cls.getField("ARENA_BYTES").getInt(null));
        assertTrue(cls.getField("VARIABLE_COUNT").getInt(null) > 0);
        int inCount = cls.getField("INPUT_COUNT").getInt(null);
        int outCount = cls.getField("OUTPUT_COUNT").getInt(null);
        Method workspace = cls.getMethod("predictQuantized", KernelBackend.class, byte[][].class, byte[][].class);
        Method caller = cls.getMethod("predictQuantized", KernelBackend.class, byte[][].class, byte[][].class,
                byte[].class, byte[].class);
        Method resetWorkspace = cls.getMethod("resetVariables");
        Method resetArena = cls.getMethod("resetVariables", byte[].class);
        byte[] arena = new byte[cls.getField("ARENA_BYTES").getInt(null)];
        java.util.Arrays.fill(arena, (byte) 0x33);
        resetArena.invoke(null, (Object) arena);
        byte[] scratch = new byte[(int) cls.getMethod("scratchLength", KernelBackend.class).invoke(null, backend)];
        resetWorkspace.invoke(null); // another test may have used this thread's workspace
        int steps = steps(dir);
        assertTrue(steps >= 10);
        for (int k = 0; k < steps + 3; k++) {
            int step = k < steps ? k : k - steps; // then the first three steps again after a reset
            if (k == steps) {
                resetWorkspace.invoke(null);
                resetArena.invoke(null, (Object) arena);
            }
            byte[][] inputs = new byte[inCount][];
            for (int i = 0; i < inCount; i++) {
                inputs[i] = SharedData.read(dir.resolve("step" + step + ".input" + i + ".bin"));
            }
            byte[][] a = new byte[outCount][];
            byte[][] b = new byte[outCount][];
            for (int o = 0; o < outCount; o++) {
                int n = (int) cls.getMethod("outputLength", int.class).invoke(null, o);
                a[o] = new byte[n];
                b[o] = new byte[n];
            }
            workspace.invoke(null, backend, inputs, a);
            caller.invoke(null, backend, inputs, b, arena, scratch);
            for (int o = 0; o < outCount; o++) {
                byte[] expected = SharedData.read(dir.resolve("step" + step + ".expected" + o + ".bin"));
                String what = dir.getFileName() + " step " + step + (k >= steps ? " after reset" : "") + " output " + o;
                assertArrayEquals(expected, a[o], what + " (workspace)");
                assertArrayEquals(expected, b[o], what + " (caller's arena)");
            }
        }
    }
}
