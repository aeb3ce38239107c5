package dev.ember4j.runtime;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.parallel.WorkerPool;

/**
 * One operator split by output rows over a worker pool: part k of n runs rows
 * [rows·k/n, rows·(k+1)/n) with thread k's scratch. Bound once; running allocates nothing.
 */
final class SplitStep implements Step, WorkerPool.Job {
    private final KernelBackend backend;
    private final WorkerPool pool;
    private final OperatorParams params;
    private final Slot[] in;
    private final Slot[] out;
    private final byte[] arena;
    private final byte[][] scratches;
    private final int rows;

    SplitStep(KernelBackend backend, WorkerPool pool, OperatorParams params, Slot[] in, Slot[] out, byte[] arena,
              byte[][] scratches, int rows) {
        this.backend = backend;
        this.pool = pool;
        this.params = params;
        this.in = in;
        this.out = out;
        this.arena = arena;
        this.scratches = scratches;
        this.rows = rows;
    }

    /** The interpreter's backend and scratch are those this step was bound with. */
    @Override
    public void run(KernelBackend ignoredBackend, byte[] ignoredScratch) {
        pool.run(this);
    }

    @Override
    public void runPart(int part, int parts) {
        int from = (int) ((long) rows * part / parts);
        int to = (int) ((long) rows * (part + 1) / parts);
        if (from < to) {
            backend.runRows(params, in, out, arena, scratches[part], from, to);
        }
    }
}
