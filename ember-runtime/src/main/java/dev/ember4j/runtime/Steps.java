package dev.ember4j.runtime;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.parallel.WorkerPool;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedOp;
import dev.ember4j.tflite.prepare.PreparedTensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds each prepared operator to where its tensors live, once: every operator runs as
 * {@code backend.run(kernel, params, in, out, arena, scratch)} on fixed slots, as generated code does.
 */
final class Steps {
    private Steps() {}

    /** Operators below this many MACs run on one thread even in a multi-threaded interpreter: a hand-over costs more. */
    static final long MIN_SPLIT_MACS = 1 << 16;

    static Step[] build(PreparedModel model, byte[] arena) {
        return build(model, arena, null, null, null);
    }

    /**
     * With a worker pool, operators the backend splits by rows (and large enough to gain) become
     * {@link SplitStep}s; {@code scratch} is the calling thread's, workers get their own.
     */
    static Step[] build(PreparedModel model, byte[] arena, KernelBackend backend, WorkerPool pool, byte[] scratch) {
        List<Step> steps = new ArrayList<>();
        byte[][] scratches = null;
        for (PreparedOp op : model.ops()) {
            if (op.isAlias()) {
                continue;
            }
            OperatorParams p = op.params();
            int rows = pool == null || p == null ? 0 : backend.splittableRows(p);
            if (rows >= 2 && p.macs() >= MIN_SPLIT_MACS) {
                if (scratches == null) {
                    scratches = new byte[pool.threads()][];
                    scratches[0] = scratch;
                    for (int k = 1; k < scratches.length; k++) {
                        scratches[k] = new byte[scratch.length];
                    }
                }
                steps.add(new SplitStep(backend, pool, p, slots(model, op.inputs()), slots(model, op.outputs()),
                        arena, scratches, rows));
            } else {
                steps.add(bind(model, op, arena));
            }
        }
        return steps.toArray(new Step[0]);
    }

    /** Positions in {@code model.ops()} of the operators that get a step (all but aliases such as RESHAPE). */
    static int[] operatorPositions(PreparedModel model) {
        List<PreparedOp> ops = model.ops();
        return java.util.stream.IntStream.range(0, ops.size()).filter(i -> !ops.get(i).isAlias()).toArray();
    }

    /** Where each of these tensors lives: constant data or an arena offset. */
    static Slot[] slots(PreparedModel model, int[] ids) {
        Slot[] slots = new Slot[ids.length];
        for (int k = 0; k < ids.length; k++) {
            PreparedTensor t = model.tensor(ids[k]);
            slots[k] = t.isConstant() ? Slot.constant(t.constant()) : Slot.arena(t.arenaOffset());
        }
        return slots;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Step bind(PreparedModel model, PreparedOp op, byte[] arena) {
        OpKernel kernel = op.kernel();
        OperatorParams p = op.params();
        Slot[] in = slots(model, op.inputs());
        Slot[] out = slots(model, op.outputs());
        return (b, s) -> b.run(kernel, p, in, out, arena, s);
    }
}
