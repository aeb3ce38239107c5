/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.parallel;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.ops.KernelTable;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Multi-threaded inference over any backend: operators whose chosen kernel {@linkplain RowSplit splits
 * by rows}, when large enough to gain, run as parts over a {@link WorkerPool} (the calling thread and
 * {@code threads - 1} workers started here); everything else runs on the calling thread. Decided once
 * per operator at bind time. The bytes are those of the wrapped backend on one thread, and a run
 * allocates nothing: preparing a split kernel prepares every worker too and sizes the workers' scratch
 * arrays. Used by the Interpreter's {@code threads(n)} and by generated classes' {@code create(backend, threads)}.
 *
 * <p>One pool serves one run at a time: a run that finds the pool busy (another thread is using this
 * backend) runs on its own thread instead. {@link #close()} stops the workers.
 */
public final class ParallelBackend implements KernelBackend, AutoCloseable {
    /**
     * Operators below this many MACs run on one thread by default: handing them over costs more than it
     * gains (a hand-over costs about a microsecond; 8,192 MACs take several on one thread of the reference
     * kernels, about one on the Vector API kernels).
     */
    public static final long MIN_SPLIT_MACS = 1 << 13;

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final KernelBackend delegate;
    private final WorkerPool pool;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** Scratch of each worker (index = part; part 0 uses the caller's), grown only when preparing. */
    private final byte[][] scratches;
    private final Job job = new Job();
    private final long minSplitMacs;

    public ParallelBackend(KernelBackend delegate, int threads) {
        this(delegate, threads, MIN_SPLIT_MACS);
    }

    /** As {@link #ParallelBackend(KernelBackend, int)}, splitting only operators of at least {@code minSplitMacs} MACs. */
    public ParallelBackend(KernelBackend delegate, int threads, long minSplitMacs) {
        this.delegate = Objects.requireNonNull(delegate, "backend");
        if (minSplitMacs < 0) {
            throw new IllegalArgumentException("minSplitMacs must not be negative, got " + minSplitMacs);
        }
        this.minSplitMacs = minSplitMacs;
        if (threads < 2) {
            throw new IllegalArgumentException("a parallel backend needs at least 2 threads, got " + threads);
        }
        this.pool = new WorkerPool(threads, "ember-" + delegate.name() + "#" + POOLS.incrementAndGet());
        this.scratches = new byte[threads][];
        for (int k = 0; k < threads; k++) {
            scratches[k] = new byte[0];
        }
    }

    /** The backend whose kernels run the parts. */
    public KernelBackend delegate() {
        return delegate;
    }

    public int threads() {
        return pool.threads();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String description() {
        return delegate.description() + ", " + pool.threads() + " threads";
    }

    @Override
    public List<KernelTable.Entry<?>> kernels() {
        return delegate.kernels();
    }

    /** The delegate's kernel, split over the threads when it splits by rows and the operator is large enough. */
    @Override
    @SuppressWarnings("unchecked")
    public <P extends OperatorParams> BoundKernel<P> bind(P params, OpKernel<P> reference) {
        BoundKernel<P> b = delegate.bind(params, reference);
        if (b.kernel() instanceof RowSplit<?> split && params.work() >= minSplitMacs
                && ((RowSplit<P>) split).rows(params) >= 2) {
            return b.wrap(new Split<>(b.kernel(), (RowSplit<P>) split), " x" + pool.threads());
        }
        return b;
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

    /** A kernel whose runs are split over the pool. */
    private final class Split<P extends OperatorParams> implements OpKernel<P> {
        private final OpKernel<P> kernel;
        private final RowSplit<P> rows;

        Split(OpKernel<P> kernel, RowSplit<P> rows) {
            this.kernel = kernel;
            this.rows = rows;
        }

        @Override
        public int scratchBytes(P params) {
            return kernel.scratchBytes(params);
        }

        /** Prepares the kernel on the calling thread and on every worker, and sizes the workers' scratch. */
        @Override
        public void prepare(P params) {
            int need = kernel.scratchBytes(params);
            acquire();
            try {
                for (int k = 1; k < scratches.length; k++) {
                    if (scratches[k].length < need) {
                        scratches[k] = new byte[need];
                    }
                }
                pool.run((part, parts) -> kernel.prepare(params));
            } finally {
                busy.set(false);
            }
        }

        @Override
        public void run(P params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
            if (!busy.compareAndSet(false, true)) {
                kernel.run(params, in, out, arena, scratch);
                return;
            }
            try {
                if (scratches[scratches.length - 1].length < kernel.scratchBytes(params)) {
                    kernel.run(params, in, out, arena, scratch); // not prepared here: no room for the workers
                    return;
                }
                job.set(rows, params, in, out, arena, scratch, rows.rows(params));
                pool.run(job);
            } finally {
                job.clear();
                busy.set(false);
            }
        }
    }

    /** The operator being split: part k runs rows [rows·k/n, rows·(k+1)/n) with thread k's scratch. */
    private final class Job implements WorkerPool.Job {
        @SuppressWarnings("rawtypes")
        private RowSplit split;
        private OperatorParams params;
        private Slot[] in;
        private Slot[] out;
        private byte[] arena;
        private byte[] callerScratch;
        private int rows;

        void set(RowSplit<?> split, OperatorParams params, Slot[] in, Slot[] out, byte[] arena,
                 byte[] callerScratch, int rows) {
            this.split = split;
            this.params = params;
            this.in = in;
            this.out = out;
            this.arena = arena;
            this.callerScratch = callerScratch;
            this.rows = rows;
        }

        void clear() {
            set(null, null, null, null, null, null, 0);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void runPart(int part, int parts) {
            int from = (int) ((long) rows * part / parts);
            int to = (int) ((long) rows * (part + 1) / parts);
            if (from < to) {
                split.runRows(params, in, out, arena, part == 0 ? callerScratch : scratches[part], from, to);
            }
        }
    }
}
