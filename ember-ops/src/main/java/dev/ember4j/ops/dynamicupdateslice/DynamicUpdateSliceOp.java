/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.dynamicupdateslice;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.copy.MoveTypes;
import dev.ember4j.ops.copy.StridedCopy;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * DYNAMIC_UPDATE_SLICE (operand, update, start_indices) -> output: start indices int32 or int64 of one
 * entry per operand dimension, constant or computed; update no larger than the operand in any dimension.
 */
public final class DynamicUpdateSliceOp implements OperatorSpec {
    private static final int OPTIONS = 117; // BuiltinOptions.DynamicUpdateSliceOptions
    static final int MAX_RANK = 6;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.DYNAMIC_UPDATE_SLICE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(3, 3);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "DynamicUpdateSliceOptions");
        TensorDef operand = ctx.input(0);
        TensorDef update = ctx.input(1);
        TensorDef indices = ctx.input(2);
        TensorDef out = ctx.output(0);
        int elemBytes = MoveTypes.elementBytes(ctx, operand, out);
        if (update.type() != operand.type()) {
            throw ctx.error("update " + update.label() + " has type " + update.type() + ", the operand has "
                    + operand.type());
        }
        int[] shape = operand.shape();
        if (shape.length > MAX_RANK) {
            throw ctx.unsupported("operand " + operand.label() + " has rank " + shape.length
                    + ", DYNAMIC_UPDATE_SLICE supports at most " + MAX_RANK);
        }
        ctx.requireShape(out, shape, "output");
        int[] upd = update.shape();
        if (upd.length != shape.length) {
            throw ctx.error("update " + update.label() + " " + update.shapeString() + " has another rank than operand "
                    + operand.label() + " " + operand.shapeString());
        }
        for (int d = 0; d < shape.length; d++) {
            if (upd[d] > shape[d]) {
                throw ctx.error("update " + update.label() + " " + update.shapeString() + " is larger than operand "
                        + operand.label() + " " + operand.shapeString() + " in dimension " + d);
            }
        }
        if (indices.type() != TensorType.INT32 && indices.type() != TensorType.INT64) {
            throw ctx.unsupported("start indices " + indices.label() + " have type " + indices.type()
                    + ", supported: INT32, INT64");
        }
        ctx.requireRank(indices, 1, "start indices");
        if (indices.shape()[0] != shape.length) {
            throw ctx.error("start indices " + indices.label() + " have " + indices.shape()[0]
                    + " entries for an operand of rank " + shape.length);
        }
        return Prepared.of(new DynamicUpdateSliceParams(elemBytes, indices.type().bytes(), shape.clone(),
                StridedCopy.rowMajorStrides(shape), upd.clone()), DynamicUpdateSliceKernel.KERNEL, 0, 1, 2);
    }
}
