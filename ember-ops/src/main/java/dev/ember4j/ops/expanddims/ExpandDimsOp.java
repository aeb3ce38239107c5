/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.expanddims;

import dev.ember4j.ops.copy.Aliases;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * EXPAND_DIMS: inserts a size-1 axis at the constant axis input (int32 or int64, one element; negative
 * counts from the end of the output, {@code axis + rank + 1}). The output shares the input's bytes.
 */
public final class ExpandDimsOp implements OperatorSpec {
    private static final int OPTIONS = 52; // BuiltinOptions.ExpandDimsOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.EXPAND_DIMS;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "ExpandDimsOptions");
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        Aliases.requireSameBytes(ctx, in, out);
        TensorDef axisTensor = ctx.input(1);
        if (!ctx.isConstant(axisTensor)) {
            throw ctx.unsupported("axis " + axisTensor.label() + " is computed at run time; only a constant is supported");
        }
        int[] axis = ctx.indexConstant(axisTensor, "axis");
        if (axis.length != 1) {
            throw ctx.error("axis " + axisTensor.label() + " has " + axis.length + " elements, expected one");
        }
        int[] outShape = outputShape(in.shape(), axis[0]);
        if (outShape == null) {
            throw ctx.error("axis " + axis[0] + " is out of range for input " + in.label() + " " + in.shapeString());
        }
        ctx.requireShape(out, outShape, "output");
        return Prepared.alias(0);
    }

    /** The shape with a 1 inserted at {@code axis}, or null when the axis is out of {@code [-rank-1, rank]}. */
    static int[] outputShape(int[] shape, int axis) {
        int rank = shape.length;
        int a = axis < 0 ? axis + rank + 1 : axis;
        if (a < 0 || a > rank) {
            return null;
        }
        int[] out = new int[rank + 1];
        for (int i = 0, j = 0; i <= rank; i++) {
            out[i] = i == a ? 1 : shape[j++];
        }
        return out;
    }
}
