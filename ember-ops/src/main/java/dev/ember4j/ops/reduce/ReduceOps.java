/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;

/** Prepare-time reading shared by the reduction operators (input, constant axes, ReducerOptions). */
public final class ReduceOps {
    private ReduceOps() {}

    /** BuiltinOptions.ReducerOptions; its only field (0) is keep_dims. */
    public static final int REDUCER_OPTIONS = 27;

    /**
     * Checks the operator's arity and int8 tensors, reads the constant axis tensor and keep_dims, and
     * requires the model's output shape to be the one TFLite computes.
     */
    public static Reduction prepare(OpContext ctx) {
        return prepare(ctx, TensorType.INT8);
    }

    /** As {@link #prepare(OpContext)} for an input of one of {@code types} and an output of the input's type. */
    public static Reduction prepare(OpContext ctx, TensorType... types) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", types);
        TensorDef out = ctx.quantized(ctx.output(0), "output", in.type());
        TensorDef axisTensor = ctx.input(1);
        if (!ctx.isConstant(axisTensor)) {
            throw ctx.unsupported("axis " + axisTensor.label() + " is not a constant tensor");
        }
        if (axisTensor.type() != TensorType.INT32) {
            // TFLite's PrepareSimple requires an int32 axis tensor.
            throw ctx.error("axis " + axisTensor.label() + " has type " + axisTensor.type() + ", TFLite requires INT32");
        }
        int[] axes = ctx.indexConstant(axisTensor, "axis");
        Table o = ctx.options(REDUCER_OPTIONS, "ReducerOptions");
        boolean keepDims = OpContext.bool(o, 0, false);
        if (in.shape().length == 0 || in.shape().length > Reduction.MAX_RANK) {
            throw ctx.unsupported("input " + in.label() + " has rank " + in.shape().length + ", supported: 1 to "
                    + Reduction.MAX_RANK);
        }
        Reduction r;
        try {
            r = Reduction.of(in.shape(), axes, keepDims);
        } catch (IllegalArgumentException e) {
            throw ctx.error("input " + in.label() + " " + in.shapeString() + ": " + e.getMessage());
        }
        ctx.requireShape(out, r.outputShape(), "output");
        return r;
    }
}
