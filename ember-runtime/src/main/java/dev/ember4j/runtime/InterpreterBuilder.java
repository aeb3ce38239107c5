/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.tflite.ModelReader;
import dev.ember4j.tflite.prepare.Limits;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.PreparedModel;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Builds an {@link Interpreter} with defaults a program can override one at a time:
 *
 * <pre>{@code
 * try (Interpreter it = Interpreter.builder(Path.of("kws.tflite")).backend("simd").build()) {
 *     it.run(features, scores);
 * }
 * }</pre>
 *
 * Everything is parsed, checked and planned in {@link #build()}; a builder is single-use state and not
 * thread-safe.
 */
public final class InterpreterBuilder {
    private final ByteBuffer model;
    private KernelBackend backend;
    private String backendName;
    private OpResolver resolver = OpResolver.allBuiltins();
    private byte[] arena;
    private Limits limits = Limits.DEFAULT;
    private int threads = 1;

    InterpreterBuilder(ByteBuffer model) {
        this.model = model;
    }

    /** A backend by name ("ref", "simd", or any registered with ServiceLoader); see {@link Backends}. */
    public InterpreterBuilder backend(String name) {
        this.backendName = Objects.requireNonNull(name, "backend name");
        this.backend = null;
        return this;
    }

    /** This backend object. */
    public InterpreterBuilder backend(KernelBackend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.backendName = null;
        return this;
    }

    /** Only these operators (TFLM's op resolver); every supported one by default. */
    public InterpreterBuilder opResolver(OpResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "op resolver");
        return this;
    }

    /**
     * The caller's arena (e.g. reused across models); at least the planned size, else {@link #build()}
     * throws {@link dev.ember4j.core.ArenaTooSmallException} with the size needed. By default one of
     * exactly the planned size is allocated.
     */
    public InterpreterBuilder arena(byte[] arena) {
        this.arena = Objects.requireNonNull(arena, "arena");
        return this;
    }

    /**
     * Threads each invoke uses: 1 (the default) runs everything on the calling thread; {@code n > 1}
     * starts {@code n - 1} worker threads with the interpreter (stopped by {@link Interpreter#close()})
     * and splits the large convolutions by output rows over them and the caller. Same output bytes,
     * nothing allocated per invoke.
     */
    public InterpreterBuilder threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * What the model may ask for (arena, scratch, operators, tensors, MACs); {@link Limits#DEFAULT} by
     * default. A model beyond a limit fails {@link #build()} with {@link dev.ember4j.core.ResourceLimitException}.
     */
    public InterpreterBuilder limits(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        return this;
    }

    /**
     * Parses, checks and plans the model.
     *
     * @throws dev.ember4j.core.ModelFormatException         the model is malformed
     * @throws dev.ember4j.core.UnsupportedOperatorException an operator is unsupported or not in the resolver
     * @throws dev.ember4j.core.ArenaTooSmallException       the given arena is too small
     * @throws dev.ember4j.core.ResourceLimitException       the model asks for more than a limit allows
     * @throws IllegalArgumentException                      the backend name is unknown
     */
    public Interpreter build() {
        KernelBackend b = backend != null ? backend : backendName != null ? Backends.byName(backendName) : Backends.best();
        PreparedModel prepared = ModelPreparer.prepare(ModelReader.read(model.duplicate()), resolver.operators(),
                resolver.customOperators(), limits);
        return new Interpreter(prepared, b, arena != null ? arena : new byte[prepared.plan().arenaBytes()], threads);
    }
}
