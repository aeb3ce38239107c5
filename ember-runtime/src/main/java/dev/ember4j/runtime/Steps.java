/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.ops.BoundOps;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.prepare.OnceBlock;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedOp;
import dev.ember4j.tflite.prepare.PreparedTensor;
import dev.ember4j.tflite.prepare.RunOrder;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds each prepared operator to where its tensors live and to the kernel its backend chose, once:
 * every operator runs as {@code kernel.run(params, in, out, arena, scratch)} on fixed slots, as
 * generated code does.
 * A CALL_ONCE block becomes one step that runs its operators while its flag byte is 0, then sets it.
 */
final class Steps {
    private Steps() {}

    static Step[] build(PreparedModel model, BoundOps bound, byte[] arena) {
        List<Step> steps = new ArrayList<>();
        walk(model, bound, arena, steps, new ArrayList<>());
        return steps.toArray(new Step[0]);
    }

    /**
     * Positions in {@code model.ops()} of the operators that get a step (all but aliases such as RESHAPE;
     * a CALL_ONCE block's step at its first operator).
     */
    static int[] operatorPositions(PreparedModel model) {
        List<Integer> positions = new ArrayList<>();
        walk(model, null, null, null, positions);
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Adds the steps (when {@code steps} is not null) and their operator positions, in run order
     * ({@link RunOrder}, as the code generator walks it): a CALL_ONCE block is one step at its first operator.
     */
    private static void walk(PreparedModel model, BoundOps bound, byte[] arena, List<Step> steps,
                             List<Integer> positions) {
        RunOrder.walk(model, new RunOrder() {
            private List<Step> body; // the open CALL_ONCE block's steps, or null

            @Override
            public void onceBegin(OnceBlock block, int flagOffset) {
                body = new ArrayList<>();
                positions.add(block.from());
            }

            @Override
            public void operator(int position, PreparedOp op) {
                Step step = steps == null ? null : bind(model, op, bound.kernel(position), arena);
                if (body != null) {
                    body.add(step);
                    return;
                }
                if (steps != null) {
                    steps.add(step);
                }
                positions.add(position);
            }

            @Override
            public void onceEnd(OnceBlock block, int flagOffset) {
                if (steps != null) {
                    steps.add(once(arena, flagOffset, body.toArray(new Step[0])));
                }
                body = null;
            }
        });
    }

    /** The block's operators, run while {@code arena[flag]} is 0 (after creation and every reset). */
    private static Step once(byte[] arena, int flag, Step[] body) {
        return s -> {
            if (arena[flag] == 0) {
                for (Step step : body) {
                    step.run(s);
                }
                arena[flag] = 1;
            }
        };
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
    private static Step bind(PreparedModel model, PreparedOp op, OpKernel kernel, byte[] arena) {
        OperatorParams p = op.params();
        Slot[] in = slots(model, op.inputs());
        Slot[] out = slots(model, op.outputs());
        return s -> kernel.run(p, in, out, arena, s);
    }
}
