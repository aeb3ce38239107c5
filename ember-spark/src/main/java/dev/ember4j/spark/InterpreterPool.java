/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.InterpreterBuilder;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The idle interpreters of one model, backend and thread count in this JVM. A task borrows one for its
 * whole run and gives it back when it completes, so an interpreter is used by one thread at a time and
 * the pool holds about as many as the executor runs tasks at once. Interpreters are never closed: they
 * hold only their arena (and, with threads &gt; 1, their worker threads) and live as long as the JVM.
 */
final class InterpreterPool {
    private final CachedModel model;
    private final String backend;
    private final int threads;
    private final ConcurrentLinkedDeque<Interpreter> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger created = new AtomicInteger();

    InterpreterPool(CachedModel model, String backend, int threads) {
        this.model = model;
        this.backend = backend;
        this.threads = threads;
    }

    CachedModel model() {
        return model;
    }

    /** An idle interpreter, or a new one; the caller owns it until {@link #giveBack}. */
    Interpreter borrow() {
        Interpreter it = idle.pollFirst();
        if (it != null) {
            return it;
        }
        InterpreterBuilder b = Interpreter.builder(model.bytes()).threads(threads);
        if (backend != null) {
            b.backend(backend);
        }
        it = b.build();
        created.incrementAndGet();
        ModelCache.countInterpreter(model.sha256());
        return it;
    }

    void giveBack(Interpreter it) {
        idle.offerFirst(it);
    }

    /** Interpreters this pool created. */
    int created() {
        return created.get();
    }
}
