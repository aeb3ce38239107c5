/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.copy;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/** Checks shared by the operators that only move elements. */
public final class MoveTypes {
    private MoveTypes() {}

    /** The element types whose bytes these operators move. */
    public static final TensorType[] TYPES = {TensorType.INT8, TensorType.UINT8, TensorType.INT16, TensorType.INT32,
            TensorType.FLOAT32};

    /**
     * Requires a supported element type, the same for input and output, and returns its width in
     * bytes.
     */
    public static int elementBytes(OpContext ctx, TensorDef in, TensorDef out) {
        boolean ok = false;
        for (TensorType t : TYPES) {
            ok |= in.type() == t;
        }
        if (!ok) {
            throw ctx.unsupported("input " + in.label() + " has type " + in.type() + ", supported: "
                    + java.util.Arrays.toString(TYPES));
        }
        if (out.type() != in.type()) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", the input has " + in.type());
        }
        return in.type().bytes();
    }

    /** An int32 constant input; a computed one is refused. */
    public static int[] constantInts(OpContext ctx, TensorDef t, String role) {
        if (!ctx.isConstant(t)) {
            throw ctx.unsupported(role + " " + t.label() + " is computed at run time; only a constant is supported");
        }
        return ctx.int32Constant(t, role);
    }
}
