/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.runtime.Interpreter;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend an application gets ({@link SimdBackends#bestAvailable()}) stays allocation-free and
 * fast in a JVM that has already run other work through the Vector API kernels: first the randomized
 * differential shapes and every core conformance model go through {@link SimdBackend} (that history
 * made JDK 17 compile the kernels into boxing fallbacks), then each reference model must reach
 * 0 bytes per invoke, give its golden output, and (when the Vector API kernels are the ones in use)
 * run not markedly slower than the reference kernels in the same JVM (at most 1.5x: the boxing
 * fallbacks this guards against ran 2x slower).
 *
 * <p>The build runs this class also with {@code -XX:UseAVX=2} (256-bit vectors on any x86 machine)
 * and, where a JDK 25 is installed, on that JDK at 512, 256 and 128 bits ({@code -XX:MaxVectorSize=16}:
 * a JVM that prefers 128-bit vectors, as on NEON; see ember-simd's pom).
 */
class PollutedJvmTest {

    /** Everything the differential tests and the conformance corpus throw at the raw kernels. */
    private static void pollute() {
        DifferentialTest d = new DifferentialTest();
        d.conv2d();
        d.depthwiseConv2d();
        d.depthwiseConv2dFewChannels();
        d.fullyConnected();
        d.longReductions();
        d.add();
        d.averagePool2d();
        d.maxPool2d();
        List<Path> cases = Shared.cases("core");
        assertFalse(cases.isEmpty(), "no core conformance cases");
        KernelBackend simd = new SimdBackend();
        KernelBackend ref = new ReferenceBackend();
        for (Path c : cases) {
            ModelsTest.runCase(c, simd);
            ModelsTest.runCase(c, ref);
        }
    }

    @Test
    void bestAvailableBackendIsAllocationFreeAndFastAfterOtherWork() {
        pollute();
        KernelBackend best = SimdBackends.bestAvailable();
        String reason = SimdSupport.unsupportedReason();
        System.out.println("PollutedJvmTest: JDK " + Runtime.version() + ", preferred vector bits "
                + jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize() + ", lanes " + Lanes.N
                + ", backend " + best.name() + (reason == null ? "" : " (" + reason + ")"));
        if (Runtime.version().feature() >= SimdSupport.MIN_FEATURE_VERSION) {
            // Where the kernels are meant to run, the gate must not have silently switched them off.
            assertInstanceOf(SimdBackend.class, best, "expected the Vector API kernels: " + reason);
        }

        String[][] models = {
            {"sine.tflite", null},
            {"speech.tflite", "speech_yes"},
            {"person_detect.tflite", "person"},
        };
        for (String[] m : models) {
            Interpreter it = ModelsTest.create(Shared.model(m[0]), best);
            byte[] input = m[1] == null ? new byte[] {(byte) 17} : Shared.sample(m[1] + ".input.bin");
            it.input(0).copyFrom(input);
            long allocated = steadyStateAllocation(it);
            assertEquals(0, allocated, m[0] + " on " + best.name() + ": bytes allocated over 100 invokes"
                    + " after warm-up in a JVM that ran other shapes first");
            if (m[1] != null) {
                it.input(0).copyFrom(input);
                it.invoke();
                byte[] out = new byte[it.output(0).byteSize()];
                it.output(0).copyTo(out);
                assertArrayEquals(Shared.sample(m[1] + ".expected.bin"), out, m[0]);
                if (best instanceof SimdBackend) {
                    assertNoSlowerThanReference(m[0], it, ModelsTest.create(Shared.model(m[0]), new ReferenceBackend()),
                            input);
                }
            }
        }
    }

    /**
     * Bytes allocated by 100 invokes, after warm-up rounds of 300: C2 may allocate while it compiles, so
     * rounds go on until one allocates nothing, for up to 20 s (on a loaded machine C2's queue can hold a
     * tiny model's kernels for longer than a fixed count of microsecond inferences); JDK 17's polluted
     * kernels never get there.
     */
    private static long steadyStateAllocation(Interpreter it) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "allocation counter unavailable");
        threads.setThreadAllocatedMemoryEnabled(true);
        long id = Thread.currentThread().getId();
        long allocated = -1;
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int round = 0; allocated != 0 && (round < 10 || System.nanoTime() < deadline); round++) {
            for (int i = 0; i < 300; i++) {
                it.invoke();
            }
            threads.getThreadAllocatedBytes(id);
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 100; i++) {
                it.invoke();
            }
            allocated = threads.getThreadAllocatedBytes(id) - before;
        }
        return allocated;
    }

    /**
     * The regression this guards against is the boxing fallback (on JDK 17 it ran no faster than the
     * reference kernels), so the bar is the reference kernels in the same JVM (the simd kernels measure
     * 1.4x to 4x faster), with interleaved blocks so that a noisy neighbour hits both alike.
     */
    private static void assertNoSlowerThanReference(String model, Interpreter simd, Interpreter ref, byte[] input) {
        ref.input(0).copyFrom(input);
        for (int i = 0; i < 200; i++) {
            ref.invoke();
        }
        // The fastest of interleaved blocks, over up to three attempts: load from other processes only
        // makes blocks slower, so the minimum is the figure it disturbs least.
        int blocks = 7;
        int per = 40;
        long simdBest = Long.MAX_VALUE;
        long refBest = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && (attempt == 0 || simdBest > refBest); attempt++) {
            for (int b = 0; b < blocks; b++) {
                simdBest = Math.min(simdBest, blockNanos(simd, per) / per);
                refBest = Math.min(refBest, blockNanos(ref, per) / per);
            }
        }
        System.out.printf("PollutedJvmTest: %s simd %.1f us, ref %.1f us per inference (fastest block)%n", model,
                simdBest / 1e3, refBest / 1e3);
        // A guard against the pathology this class exists for (JDK 17's fallbacks ran 2x slower than the
        // reference kernels), not a benchmark (BENCHMARKS.md has those): speech's margin at 128 bits is
        // 1.1-1.3x, which two builds sharing a 2-vCPU machine can erase, so the bound is 1.5x.
        assertTrue(simdBest * 2 <= refBest * 3, model + ": simd " + simdBest + " ns vs ref " + refBest
                + " ns per inference after other work (fastest of " + blocks + " interleaved blocks, 3 attempts)");
    }

    private static long blockNanos(Interpreter it, int n) {
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            it.invoke();
        }
        return System.nanoTime() - t;
    }
}
