package dev.ember4j.runtime;

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

    static Step[] build(PreparedModel model, byte[] arena) {
        List<Step> steps = new ArrayList<>();
        for (PreparedOp op : model.ops()) {
            if (!op.isAlias()) {
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
