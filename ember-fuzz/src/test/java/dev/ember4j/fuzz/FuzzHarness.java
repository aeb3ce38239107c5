/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.fuzz;

import dev.ember4j.codegen.GeneratedModel;
import dev.ember4j.codegen.ModelCodegen;
import dev.ember4j.core.EmberException;
import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.OpResolver;
import dev.ember4j.runtime.Tensor;
import dev.ember4j.simd.SimdBackend;
import dev.ember4j.tflite.ModelReader;
import dev.ember4j.tflite.prepare.ModelPreparer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The properties every fuzz target checks, shared by the Jazzer targets and the plain regression test
 * over this repository's generated models.
 *
 * <ul>
 *   <li>Loading (read, prepare, plan, create, generate) may reject a model only with an
 *       {@link EmberException} subclass carrying a message; any other throwable escapes and is a finding.</li>
 *   <li>A model that loads must invoke on every backend and read out every output without any exception
 *       (an {@code EmberException} at invoke is a finding too, reported as an {@link AssertionError}).</li>
 *   <li>Each run is bounded: models whose arena exceeds {@link #MAX_ARENA_BYTES} are counted as handled
 *       without being allocated (the policy of ember-runtime's {@code MalformedCaseRunner}); with
 *       {@code -Dember.fuzz.invokeLimitMillis=N} (tools/fuzz.sh sets 1000) an invoke of a model under 1 MB
 *       that takes longer is a finding; hangs are caught by libFuzzer's {@code -timeout}.</li>
 * </ul>
 */
final class FuzzHarness {
    /** Arenas above this are counted as handled without being allocated (as MalformedCaseRunner does). */
    static final int MAX_ARENA_BYTES = 64 << 20;
    private static final long INVOKE_LIMIT_NANOS =
            Long.getLong("ember.fuzz.invokeLimitMillis", 0L) * 1_000_000L;

    private FuzzHarness() {}

    /** Reader only. */
    static void read(byte[] model) {
        try {
            ModelReader.read(ByteBuffer.wrap(model));
        } catch (EmberException e) {
            requireMessage(e);
        }
    }

    /** Reader, prepare (shapes, parameters, every operator's checks) and the memory plan. */
    static void prepare(byte[] model) {
        try {
            int arena = ModelPreparer.prepare(ByteBuffer.wrap(model)).plan().arenaBytes();
            if (arena < 0) {
                throw new AssertionError("plan reported a negative arena: " + arena);
            }
        } catch (EmberException e) {
            requireMessage(e);
        }
    }

    /** The code generator: a model either generates or is rejected with an EmberException. */
    static void generate(byte[] model) {
        GeneratedModel g;
        try {
            g = ModelCodegen.generate(model, "fuzz", "FuzzModel");
        } catch (EmberException e) {
            requireMessage(e);
            return;
        }
        if (g == null) {
            throw new AssertionError("ModelCodegen.generate returned null");
        }
    }

    /** Create + invoke + read out on the reference and the SIMD backend, with input bytes derived from the model. */
    static void invoke(byte[] model) {
        int arenaBytes;
        try {
            arenaBytes = Interpreter.arenaBytes(model);
        } catch (EmberException e) {
            requireMessage(e);
            return;
        }
        if (arenaBytes < 0) {
            throw new AssertionError("Interpreter.arenaBytes reported " + arenaBytes);
        }
        if (arenaBytes > MAX_ARENA_BYTES) {
            return; // handled without being allocated
        }
        long seed = Arrays.hashCode(model) * 0x9E3779B97F4A7C15L;
        run(model, arenaBytes, ReferenceBackend::new, seed);
        run(model, arenaBytes, SimdBackend::new, seed);
    }

    private static void run(byte[] model, int arenaBytes, Supplier<KernelBackend> backends, long seed) {
        KernelBackend backend = backends.get();
        Interpreter interpreter;
        try {
            interpreter = Interpreter.create(model, OpResolver.allBuiltins(), new byte[arenaBytes], backend);
        } catch (EmberException e) {
            // arenaBytes accepted the model, so create may not reject it (same reader, same prepare).
            throw new AssertionError("arenaBytes accepted the model but create on " + backend.name() + " threw", e);
        }
        SplittableRandom random = new SplittableRandom(seed);
        try {
            for (int i = 0; i < interpreter.inputCount(); i++) {
                Tensor in = interpreter.input(i);
                byte[] data = new byte[in.byteSize()];
                random.nextBytes(data);
                in.copyFrom(data);
            }
            long t0 = System.nanoTime();
            interpreter.invoke();
            long elapsed = System.nanoTime() - t0;
            if (INVOKE_LIMIT_NANOS > 0 && elapsed > INVOKE_LIMIT_NANOS && model.length < (1 << 20)) {
                throw new AssertionError("invoke on " + backend.name() + " took " + elapsed / 1_000_000
                        + " ms for a " + model.length + "-byte model");
            }
            for (int i = 0; i < interpreter.outputCount(); i++) {
                Tensor out = interpreter.output(i);
                out.copyTo(new byte[out.byteSize()]);
            }
        } catch (EmberException e) {
            throw new AssertionError("a model that loaded threw at invoke/read-out on " + backend.name(), e);
        }
    }

    private static void requireMessage(EmberException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError(e.getClass().getSimpleName() + " without a message", e);
        }
    }
}
