/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.tflite.HostileModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regressions of the hostile-model campaign (issue 13): huge strides and dilations used to make the
 * kernels allocate hundreds of MiB, index out of range or loop for minutes; constant data inputs shorter
 * than their shape loaded and then failed in invoke. Now such a model either fails at load with a
 * ModelFormatException or runs, on both backends, with the same bytes and bounded work.
 */
class HostileModelsTest {
    /** Work a 5x5x2 model may allocate on its first invoke (lazily built kernel tables, thread work). */
    private static final long FIRST_INVOKE_BYTES = 4L << 20;

    @ParameterizedTest
    @ValueSource(ints = {1 << 20, 1 << 30, Integer.MAX_VALUE})
    void hugeStridesRunBoundedAndAlike(int stride) {
        checkRunsAlike(HostileModels.depthwise(5, 5, stride, stride, 1, 1));
        checkRunsAlike(HostileModels.depthwise(5, 7, 1, stride, 1, 1));
        checkRunsAlike(HostileModels.conv(5, 5, stride, stride, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(ints = {1 << 10, 1 << 20, 1 << 30})
    void hugeDilationsRunBoundedAndAlike(int dilation) {
        checkRunsAlike(HostileModels.depthwise(5, 5, 1, 1, dilation, dilation));
        checkRunsAlike(HostileModels.depthwise(6, 9, 2, 1, 1, dilation));
        checkRunsAlike(HostileModels.conv(5, 5, 1, 2, dilation, dilation));
    }

    @Test
    void dilationBeyondTheIntRangeIsMalformed() {
        assertThrows(ModelFormatException.class,
                () -> Interpreter.arenaBytes(HostileModels.depthwise(5, 5, 1, 1, Integer.MAX_VALUE, 1)));
    }

    @Test
    void shortConstantDataInputsAreRejectedAtLoad() {
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Interpreter.arenaBytes(HostileModels.addWithShortConstant(3)));
        assertTrue(e.getMessage().contains("needs 8 bytes, its constant data has 3"), e.getMessage());
        checkRunsAlike(HostileModels.addWithShortConstant(8));

        ModelFormatException r = assertThrows(ModelFormatException.class,
                () -> Interpreter.arenaBytes(HostileModels.reshapedShortConstantOutput(5)));
        assertTrue(r.getMessage().contains("needs 8 bytes, its constant data has 5"), r.getMessage());
        checkRunsAlike(HostileModels.reshapedShortConstantOutput(8));
    }

    /** Loads, runs on ref and simd with random input within a second and bounded allocation, same outputs. */
    private static void checkRunsAlike(byte[] model) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            byte[][] ref = run(model, new ReferenceBackend());
            byte[][] simd = run(model, new SimdBackend());
            for (int o = 0; o < ref.length; o++) {
                assertArrayEquals(ref[o], simd[o], "output " + o);
            }
        });
    }

    private static byte[][] run(byte[] model, KernelBackend backend) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        Interpreter it = Interpreter.create(model, dev.ember4j.runtime.OpResolver.allBuiltins(),
                new byte[Interpreter.arenaBytes(model)], backend);
        Random random = new Random(7);
        for (int i = 0; i < it.inputCount(); i++) {
            byte[] data = new byte[it.input(i).byteSize()];
            random.nextBytes(data);
            it.input(i).copyFrom(data);
        }
        long before = threads.getThreadAllocatedBytes(id);
        it.invoke();
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < FIRST_INVOKE_BYTES, backend.name() + ": first invoke allocated " + allocated + " bytes");
        byte[][] out = new byte[it.outputCount()][];
        for (int o = 0; o < out.length; o++) {
            out[o] = new byte[it.output(o).byteSize()];
            it.output(o).copyTo(out[o]);
        }
        return out;
    }
}
