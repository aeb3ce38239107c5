/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classes the processor generated at build time reproduce the shared sample goldens. */
class GeneratedModelsTest {
    static final KernelBackend BACKEND = new ReferenceBackend();

    static byte[] sample(String name) throws IOException {
        Path root = Path.of(System.getProperty("ember.shared", "../../shared")).toAbsolutePath().normalize();
        return Files.readAllBytes(root.resolve("samples").resolve(name));
    }

    @Test
    void generatedClassesImplementTheirInterfaces() {
        assertTrue(Sine.class.isAssignableFrom(SineModel.class));
        assertTrue(Speech.class.isAssignableFrom(SpeechModel.class));
        assertTrue(PersonDetect.class.isAssignableFrom(PersonDetectModel.class));
        assertEquals(1, SineModel.INPUT_LENGTH);
        assertEquals(1960, SpeechModel.INPUT_LENGTH);
        assertEquals(4, SpeechModel.OUTPUT_LENGTH);
        assertEquals(9216, PersonDetectModel.INPUT_LENGTH);
        assertEquals(2, PersonDetectModel.OUTPUT_LENGTH);
        assertEquals(-128, SineModel.inputZeroPoint());
        assertEquals(7, SineModel.outputZeroPoint());
        assertEquals(0.0082697f, SineModel.outputScale(), 1e-6f);
    }

    @Test
    void sineSweepAll256() throws IOException {
        byte[] in = sample("sine_sweep.input.bin");
        byte[] expected = sample("sine_sweep.expected.bin");
        assertEquals(256, in.length);
        byte[] actual = new byte[256];
        byte[] x = new byte[1];
        byte[] y = new byte[1];
        for (int i = 0; i < 256; i++) {
            x[0] = in[i];
            SineModel.predictQuantized(BACKEND, x, y);
            actual[i] = y[0];
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void sineFloatHelperMatchesQuantizedPathAndApproximatesSin() {
        float[] in = new float[1];
        float[] out = new float[1];
        byte[] q = new byte[1];
        byte[] qy = new byte[1];
        float[] dq = new float[1];
        for (int k = 0; k < 24; k++) { // [0, 2pi): the input range ends at 6.27
            in[0] = (float) (k * 2 * Math.PI / 24);
            SineModel.predict(BACKEND, in, out);
            SineModel.quantizeInput(in, q);
            SineModel.predictQuantized(BACKEND, q, qy);
            SineModel.dequantizeOutput(qy, dq);
            assertEquals(dq[0], out[0]);
            assertEquals(Math.sin(in[0]), out[0], 0.2, "sin(" + in[0] + ")");
        }
    }

    @Test
    void quantizationRoundsHalfAwayFromZeroAndClamps() {
        float s = SineModel.inputScale();
        int zp = SineModel.inputZeroPoint();
        byte[] q = new byte[4];
        SineModel.quantizeInput(new float[] {0.5f * s, 2.5f * s, 1e9f, -1e9f}, q);
        assertEquals(zp + 1, q[0]);
        assertEquals(zp + 3, q[1]);
        assertEquals(127, q[2]);
        assertEquals(-128, q[3]);
    }

    @Test
    void speechYesNo() throws IOException {
        byte[] out = new byte[SpeechModel.OUTPUT_LENGTH];
        for (String s : new String[] {"speech_yes", "speech_no"}) {
            SpeechModel.predictQuantized(BACKEND, sample(s + ".input.bin"), out);
            assertArrayEquals(sample(s + ".expected.bin"), out, s);
        }
    }

    @Test
    void personNoPerson() throws IOException {
        byte[] arena = new byte[PersonDetectModel.ARENA_BYTES];
        byte[] scratch = new byte[PersonDetectModel.scratchLength(BACKEND)];
        for (String s : new String[] {"person", "no_person"}) {
            byte[] out = new byte[PersonDetectModel.OUTPUT_LENGTH];
            PersonDetectModel.predictQuantized(BACKEND, sample(s + ".input.bin"), out, arena, scratch);
            assertArrayEquals(sample(s + ".expected.bin"), out, s);
            byte[] out2 = new byte[PersonDetectModel.OUTPUT_LENGTH];
            PersonDetectModel.predictQuantizedWithScratch(BACKEND, sample(s + ".input.bin"), out2, scratch);
            assertArrayEquals(out, out2);
        }
    }

    @Test
    void wrongLengthsNameExpectedAndActual() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpeechModel.predictQuantized(BACKEND, new byte[10], new byte[4]));
        assertEquals("input has length 10, expected 1960", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SpeechModel.predictQuantized(BACKEND, new byte[1960], new byte[3]));
        assertEquals("output has length 3, expected 4", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SpeechModel.predictQuantized(BACKEND, new byte[1960], new byte[4], new byte[5], new byte[0]));
        assertEquals("arena has length 5, expected at least " + SpeechModel.ARENA_BYTES, e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SineModel.predict(BACKEND, new float[2], new float[1]));
        assertEquals("input has length 2, expected 1", e.getMessage());
    }

    @Test
    void zeroAllocationAfterWarmUp() throws IOException {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);
        long tid = Thread.currentThread().getId();
        byte[] speechIn = sample("speech_yes.input.bin");
        byte[] speechOut = new byte[4];
        byte[] personIn = sample("person.input.bin");
        byte[] personOut = new byte[2];
        byte[] arena = new byte[PersonDetectModel.ARENA_BYTES];
        byte[] scratch = new byte[PersonDetectModel.scratchLength(BACKEND)];
        float[] x = {1.0f};
        float[] y = new float[1];
        Runnable work = () -> {
            SpeechModel.predictQuantized(BACKEND, speechIn, speechOut);
            PersonDetectModel.predictQuantized(BACKEND, personIn, personOut, arena, scratch);
            PersonDetectModel.predictQuantizedWithScratch(BACKEND, personIn, personOut, scratch);
            SineModel.predict(BACKEND, x, y);
        };
        // warm-up: per-thread workspaces, class init, JIT. The kernels share call sites (RowKernel), so C2
        // settles after ~40 rounds here (a deoptimization on the way materializes a few small objects);
        // after it, nothing may be allocated.
        for (int i = 0; i < 100; i++) {
            work.run();
        }
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 0; i < 20; i++) {
            work.run();
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        // Allow a little for the measurement itself; a single arena would be far larger.
        assertTrue(allocated < 1024, "allocated " + allocated + " bytes in 20 rounds of predictions");
    }

    @Test
    void threadsGetTheirOwnWorkspace() throws Exception {
        byte[] yes = sample("speech_yes.input.bin");
        byte[] no = sample("speech_no.input.bin");
        byte[] yesExp = sample("speech_yes.expected.bin");
        byte[] noExp = sample("speech_no.expected.bin");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                boolean even = t % 2 == 0;
                futures.add(pool.submit(() -> {
                    byte[] out = new byte[4];
                    for (int i = 0; i < 20; i++) {
                        SpeechModel.predictQuantized(BACKEND, even ? yes : no, out);
                        assertArrayEquals(even ? yesExp : noExp, out);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
