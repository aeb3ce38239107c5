/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

/**
 * The order in which a prepared model's operators run, walked the same way by both front doors (the
 * Interpreter's steps and the code generator's straight-line body): operators in position order; a
 * CALL_ONCE block's operators between {@link #onceBegin} and {@link #onceEnd} (they run while the
 * block's flag byte in the arena is 0, then the flag is set); operators that only relabel bytes
 * (RESHAPE and the like) as {@link #alias}.
 */
public interface RunOrder {

    /** An operator that computes, at {@code position} in {@link PreparedModel#ops()}. */
    void operator(int position, PreparedOp op);

    /** An operator whose output shares its input's memory: nothing runs. */
    default void alias(int position, PreparedOp op) {}

    /** A CALL_ONCE block begins; {@code flagOffset} is its flag byte's arena offset. */
    default void onceBegin(OnceBlock block, int flagOffset) {}

    /** The block that began last ends. */
    default void onceEnd(OnceBlock block, int flagOffset) {}

    /** Walks {@code model}'s operators in run order. */
    static void walk(PreparedModel model, RunOrder visitor) {
        var ops = model.ops();
        OnceBlock open = null;
        for (int i = 0; i < ops.size(); i++) {
            OnceBlock block = model.onceBlockAt(i);
            if (block != null) {
                open = block;
                visitor.onceBegin(block, model.tensor(block.flagTensor()).arenaOffset());
            }
            PreparedOp op = ops.get(i);
            if (op.isAlias()) {
                visitor.alias(i, op);
            } else {
                visitor.operator(i, op);
            }
            if (open != null && i + 1 == open.to()) {
                visitor.onceEnd(open, model.tensor(open.flagTensor()).arenaOffset());
                open = null;
            }
        }
    }
}
