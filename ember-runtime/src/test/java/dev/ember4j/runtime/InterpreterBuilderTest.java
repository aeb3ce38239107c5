/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.ArenaTooSmallException;
import dev.ember4j.core.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder front door: every model source, backend choice, run variant and error names what is wrong. */
class InterpreterBuilderTest {

    @TempDir
    Path tmp;

    private static byte[] person() {
        return SharedData.model("person_detect.tflite");
    }

    @Test
    void everyModelSourceGivesTheGoldenOutput() throws Exception {
        byte[] in = SharedData.sample("person.input.bin");
        byte[] expected = SharedData.sample("person.expected.bin");
        Path file = Files.write(tmp.resolve("person.tflite"), person());
        ByteBuffer direct = ByteBuffer.allocateDirect(person().length).put(person()).flip();
        InterpreterBuilder[] builders = {
            Interpreter.builder(person()),
            Interpreter.builder(file),
            Interpreter.builder(new ByteArrayInputStream(person())),
            Interpreter.builder(direct),
        };
        for (InterpreterBuilder b : builders) {
            try (Interpreter it = b.build()) {
                byte[] out = new byte[2];
                it.run(in, out);
                assertArrayEquals(expected, out);
            }
        }
    }

    @Test
    void classPathResource() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("cp/models"));
        Files.write(dir.resolve("person.tflite"), person());
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {tmp.resolve("cp").toUri().toURL()})) {
            try (Interpreter it = Interpreter.builder(loader, "models/person.tflite").build()) {
                byte[] out = new byte[2];
                it.run(SharedData.sample("person.input.bin"), out);
                assertArrayEquals(SharedData.sample("person.expected.bin"), out);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Interpreter.builder(loader, "models/missing.tflite"));
            assertTrue(e.getMessage().contains("'models/missing.tflite' not found on the class path"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interpreter.builder(InterpreterBuilderTest.class, "missing.tflite"));
        assertTrue(e.getMessage().contains("'missing.tflite' not found relative to " + InterpreterBuilderTest.class.getName()),
                e.getMessage());
    }

    @Test
    void backendsByNameAndBest() {
        try (Interpreter it = Interpreter.builder(person()).backend("ref").build()) {
            assertEquals("ref", it.backend().name());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Interpreter.builder(person()).backend("warp-drive").build());
        assertTrue(e.getMessage().contains("unknown backend 'warp-drive'; available: ref"), e.getMessage());
        // ember-simd is not a dependency of ember-runtime: the best backend here is the reference one
        assertEquals("ref", Interpreter.builder(person()).build().backend().name());
        assertTrue(Backends.names().contains("ref"));
        assertEquals("ref", Interpreter.builder(person()).backend(new ReferenceBackend()).build().backend().name());
    }

    @Test
    void callerArenaAndResolver() {
        byte[] model = person();
        ArenaTooSmallException small = assertThrows(ArenaTooSmallException.class,
                () -> Interpreter.builder(model).arena(new byte[100]).build());
        assertEquals(Interpreter.arenaBytes(model), small.requiredBytes());
        byte[] arena = new byte[Interpreter.arenaBytes(model) + 10];
        try (Interpreter it = Interpreter.builder(model).arena(arena).build()) {
            assertEquals(Interpreter.arenaBytes(model), it.arenaBytesUsed());
        }
        assertThrows(dev.ember4j.core.UnsupportedOperatorException.class, () -> Interpreter.builder(model)
                .opResolver(OpResolver.of(dev.ember4j.tflite.BuiltinOperator.CONV_2D)).build());
    }

    @Test
    void floatsBuffersNamesAndMultipleOutputs() {
        byte[] in = SharedData.sample("person.input.bin");
        byte[] expected = SharedData.sample("person.expected.bin");
        try (Interpreter it = Interpreter.builder(person()).build()) {
            ByteBuffer din = ByteBuffer.allocateDirect(in.length).put(in).flip();
            ByteBuffer dout = ByteBuffer.allocateDirect(2);
            it.run(din, dout);
            assertEquals(0, din.position(), "positions unchanged");
            assertEquals(expected[0], dout.get(0));
            assertEquals(expected[1], dout.get(1));

            Tensor input = it.input(it.input(0).name());
            float[] real = new float[in.length];
            for (int i = 0; i < in.length; i++) {
                real[i] = input.scale() * (in[i] - input.zeroPoint());
            }
            float[] scores = new float[2];
            it.run(real, scores);
            Tensor output = it.output(0);
            assertEquals(output.scale() * (expected[1] - output.zeroPoint()), scores[1]);

            byte[] out = new byte[2];
            it.runForMultipleInputsOutputs(new Object[] {in}, Map.of(0, out));
            assertArrayEquals(expected, out);

            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> it.input("nope"));
            assertTrue(e.getMessage().contains("no model input named 'nope'; the inputs are '"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> it.runForMultipleInputsOutputs(new Object[] {"x"}, Map.of()));
            assertThrows(IllegalArgumentException.class, () -> it.run(new byte[3], new byte[2]));
            NullPointerException npe = assertThrows(NullPointerException.class, () -> it.run((byte[]) null, out));
            assertEquals("src", npe.getMessage());
        }
    }

    @Test
    void limitsAreCheckedAtBuild() {
        byte[] model = person();
        int arena = Interpreter.arenaBytes(model);
        dev.ember4j.core.ResourceLimitException e = assertThrows(dev.ember4j.core.ResourceLimitException.class,
                () -> Interpreter.builder(model).limits(dev.ember4j.tflite.prepare.Limits.DEFAULT.withMaxArenaBytes(arena - 1))
                        .build());
        assertEquals("maxArenaBytes", e.limit());
        assertEquals(arena, e.required());
        try (Interpreter it = Interpreter.builder(model)
                .limits(dev.ember4j.tflite.prepare.Limits.DEFAULT.withMaxArenaBytes(arena).withMaxMacs(7_160_192)).build()) {
            assertEquals(arena, it.arenaBytesUsed());
        }
        assertThrows(dev.ember4j.core.ResourceLimitException.class, () -> Interpreter.builder(model)
                .limits(dev.ember4j.tflite.prepare.Limits.DEFAULT.withMaxMacs(7_160_191)).build());
    }

    @Test
    void closedInterpreterRefusesToRun() {
        Interpreter it = Interpreter.builder(person()).build();
        it.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, it::invoke);
        assertEquals("this Interpreter is closed", e.getMessage());
    }

    @Test
    void nullsAreNamed() {
        assertEquals("model bytes", assertThrows(NullPointerException.class, () -> Interpreter.builder((byte[]) null)).getMessage());
        assertEquals("backend name", assertThrows(NullPointerException.class,
                () -> Interpreter.builder(person()).backend((String) null)).getMessage());
        assertEquals("arena", assertThrows(NullPointerException.class,
                () -> Interpreter.create(person(), OpResolver.allBuiltins(), null)).getMessage());
    }

    @Test
    void runVariantsAllocateNothing() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        byte[] model = SharedData.model("speech.tflite");
        try (Interpreter it = Interpreter.builder(model).backend("ref").build()) {
            byte[] in = SharedData.sample("speech_yes.input.bin");
            byte[] out = new byte[4];
            float[] fin = new float[in.length];
            float[] fout = new float[4];
            ByteBuffer bin = ByteBuffer.allocateDirect(in.length).put(in).flip();
            ByteBuffer bout = ByteBuffer.allocateDirect(4);
            long id = Thread.currentThread().getId();
            long allocated = -1;
            for (int round = 0; round < 6 && allocated != 0; round++) {
                for (int i = 0; i < 200; i++) {
                    it.run(in, out);
                    it.run(fin, fout);
                    it.run(bin, bout);
                }
                long before = threads.getThreadAllocatedBytes(id);
                for (int i = 0; i < 50; i++) {
                    it.run(in, out);
                    it.run(fin, fout);
                    it.run(bin, bout);
                }
                allocated = threads.getThreadAllocatedBytes(id) - before;
            }
            assertEquals(0, allocated, "bytes allocated by 150 run calls after warm-up");
        }
    }
}
