/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads, created once, that run the parts of one job at a time together with
 * the calling thread: {@code run(job)} calls {@code job.runPart(k, threads)} on thread k (0 = the
 * caller) and returns when every part is done. Handing a job over allocates nothing: workers spin
 * briefly, then park, waiting for the next job's generation number. Daemon threads; {@link #close}
 * stops them. One job at a time: {@code run} must not be called concurrently or from inside a part.
 */
public final class WorkerPool implements AutoCloseable {
    /** A job split into parts, one per thread of the pool. */
    @FunctionalInterface
    public interface Job {
        /** Runs part {@code part} of {@code parts}; parts run at the same time on distinct threads. */
        void runPart(int part, int parts);
    }

    /**
     * How long a waiting thread spins before it parks: the gaps between an inference's split operators
     * are short, and waking a parked thread costs tens of microseconds (more in a VM). Measured in time,
     * not iterations: the cost of a spin-wait hint differs by CPU from a few to ~140 cycles.
     */
    private static final long SPIN_NANOS = 500_000;

    private final Thread[] workers;
    private final int threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Job job;
    private volatile int generation;
    private volatile Thread caller;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** A pool of {@code threads} threads in all: the caller of {@link #run} and {@code threads - 1} workers. */
    public WorkerPool(int threads, String name) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            final int part = i + 1;
            Thread t = new Thread(() -> work(part), name + "-" + part);
            t.setDaemon(true);
            workers[i] = t;
        }
        for (Thread t : workers) {
            t.start();
        }
    }

    /** Threads in the pool, the calling thread included. */
    public int threads() {
        return threads;
    }

    /**
     * Runs every part of {@code job}, part 0 on the calling thread, and returns when all are done. An
     * exception or error thrown by a part is rethrown here (after every part has finished).
     */
    public void run(Job job) {
        if (closed) {
            throw new IllegalStateException("this worker pool is closed");
        }
        this.failure = null;
        this.caller = Thread.currentThread();
        this.job = job;
        pending.set(workers.length);
        generation = generation + 1; // volatile write: publishes the job; only the caller writes it
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        Throwable mine = null;
        try {
            job.runPart(0, threads);
        } catch (Throwable t) {
            mine = t;
        }
        long parkAfter = System.nanoTime() + SPIN_NANOS;
        while (pending.get() != 0) {
            if (System.nanoTime() - parkAfter < 0) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        this.job = null;
        Throwable failed = mine != null ? mine : failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
    }

    private void work(int part) {
        int seen = 0;
        while (true) {
            long parkAfter = System.nanoTime() + SPIN_NANOS;
            while (generation == seen && !closed) {
                if (System.nanoTime() - parkAfter < 0) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            try {
                job.runPart(part, threads);
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    /** Stops the workers (they finish the job in progress first, if any). Idempotent. */
    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
