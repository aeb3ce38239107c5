/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.parallel;

import dev.ember4j.core.ForwardingBackend;
import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.Slot;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Multi-threaded inference over any backend: operators the backend {@linkplain KernelBackend#splittableRows
 * splits by rows}, when large enough to gain, run as parts over a {@link WorkerPool} (the calling thread
 * and {@code threads - 1} workers started here); everything else runs on the calling thread. The bytes
 * are those of the wrapped backend on one thread, and a run allocates nothing: {@link #prepare} prepares
 * every worker too and sizes the workers' scratch arrays. Used by the Interpreter's {@code threads(n)}
 * and by generated classes' {@code create(backend, threads)}.
 *
 * <p>One pool serves one run at a time: a run that finds the pool busy (another thread is using this
 * backend) runs on its own thread instead. {@link #close()} stops the workers.
 */
public final class ParallelBackend extends ForwardingBackend implements AutoCloseable {
    /**
     * Operators below this many MACs run on one thread by default: handing them over costs more than it
     * gains (a hand-over costs about a microsecond; 8,192 MACs take several on one thread of the reference
     * kernels, about one on the Vector API kernels).
     */
    public static final long MIN_SPLIT_MACS = 1 << 13;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final WorkerPool pool;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** Scratch of each worker (index = part; part 0 uses the caller's), grown only in {@link #prepare}. */
    private final byte[][] scratches;
    private final Split split = new Split();

    private final long minSplitMacs;

    public ParallelBackend(KernelBackend delegate, int threads) {
        this(delegate, threads, MIN_SPLIT_MACS);
    }

    /** As {@link #ParallelBackend(KernelBackend, int)}, splitting only operators of at least {@code minSplitMacs} MACs. */
    public ParallelBackend(KernelBackend delegate, int threads, long minSplitMacs) {
        super(delegate);
        if (minSplitMacs < 0) {
            throw new IllegalArgumentException("minSplitMacs must not be negative, got " + minSplitMacs);
        }
        this.minSplitMacs = minSplitMacs;
        if (threads < 2) {
            throw new IllegalArgumentException("a parallel backend needs at least 2 threads, got " + threads);
        }
        this.pool = new WorkerPool(threads, "ember-" + delegate().name() + "#" + POOLS.incrementAndGet());
        this.scratches = new byte[threads][];
        for (int k = 0; k < threads; k++) {
            scratches[k] = new byte[0];
        }
    }

    public int threads() {
        return pool.threads();
    }

    @Override
    public String description() {
        return delegate().description() + ", " + pool.threads() + " threads";
    }

    /** Prepares the operator on the calling thread and on every worker, and sizes the workers' scratch. */
    @Override
    public void prepare(OperatorParams params) {
        int need = KernelBackend.scratchNeeded(delegate(), params);
        acquire();
        try {
            for (int k = 1; k < scratches.length; k++) {
                if (scratches[k].length < need) {
                    scratches[k] = new byte[need];
                }
            }
            pool.run((part, parts) -> delegate().prepare(params));
        } finally {
            busy.set(false);
        }
    }

    @Override
    public <P extends OperatorParams> void run(OpKernel<P> reference, P params, Slot[] in, Slot[] out,
                                               byte[] arena, byte[] scratch) {
        int rows = params.work() >= minSplitMacs ? delegate().splittableRows(params) : 0;
        if (rows < 2 || !busy.compareAndSet(false, true)) {
            delegate().run(reference, params, in, out, arena, scratch);
            return;
        }
        try {
            int need = KernelBackend.scratchNeeded(delegate(), params);
            if (scratches[scratches.length - 1].length < need) { // not prepared here: no room for the workers
                delegate().run(reference, params, in, out, arena, scratch);
                return;
            }
            split.set(params, in, out, arena, scratch, rows);
            pool.run(split);
        } finally {
            split.clear();
            busy.set(false);
        }
    }

    private void acquire() {
        while (!busy.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
    }

    /** Stops the worker threads. Later runs of split operators fail; idempotent. */
    @Override
    public void close() {
        pool.close();
    }

    /** The operator being split: part k runs rows [rows·k/n, rows·(k+1)/n) with thread k's scratch. */
    private final class Split implements WorkerPool.Job {
        private OperatorParams params;
        private Slot[] in;
        private Slot[] out;
        private byte[] arena;
        private byte[] callerScratch;
        private int rows;

        void set(OperatorParams params, Slot[] in, Slot[] out, byte[] arena, byte[] callerScratch, int rows) {
            this.params = params;
            this.in = in;
            this.out = out;
            this.arena = arena;
            this.callerScratch = callerScratch;
            this.rows = rows;
        }

        void clear() {
            set(null, null, null, null, null, 0);
        }

        @Override
        public void runPart(int part, int parts) {
            int from = (int) ((long) rows * part / parts);
            int to = (int) ((long) rows * (part + 1) / parts);
            if (from < to) {
                delegate().runRows(params, in, out, arena, part == 0 ? callerScratch : scratches[part], from, to);
            }
        }
    }
}
