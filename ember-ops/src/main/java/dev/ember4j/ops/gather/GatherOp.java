/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gather;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * GATHER along an axis with batch_dims (negative values count from the end, as in TFLite). The
 * positions must be a constant int32/int64 tensor: TFLite fails at run time on an index outside
 * {@code [0, dim)}, which a kernel here cannot report, so indices are checked once at prepare and
 * computed positions are refused.
 */
public final class GatherOp implements OperatorSpec {
    private static final int OPTIONS = 23; // BuiltinOptions.GatherOptions: axis, batch_dims
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I32, Moves.I64, Moves.BOOL};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.GATHER;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "GatherOptions");
        int axisOption = OpContext.i32(o, 0, 0);
        int batchOption = OpContext.i32(o, 1, 0);
        TensorDef in = ctx.input(0);
        TensorDef positions = ctx.input(1);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, in, "input", TYPES);
        Moves.sameType(ctx, in, out, "output");
        int[] shape = in.shape();
        int[] pShape = positions.shape();
        int axis = axisOption < 0 ? axisOption + shape.length : axisOption;
        int batchDims = batchOption < 0 ? batchOption + pShape.length : batchOption;
        if (axis < 0 || axis >= shape.length) {
            throw ctx.error("axis " + axisOption + " is out of range for input rank " + shape.length);
        }
        if (batchDims < 0 || batchDims > axis || batchDims > pShape.length) {
            throw ctx.error("batch_dims " + batchOption + " is out of range (axis " + axis + ", positions rank "
                    + pShape.length + ")");
        }
        for (int i = 0; i < batchDims; i++) {
            if (shape[i] != pShape[i]) {
                throw ctx.error("batch dimension " + i + " of input " + in.shapeString() + " differs from positions "
                        + positions.shapeString());
            }
        }
        int[] idx = Moves.constantIndices(ctx, positions, "positions");
        for (int v : idx) {
            if (v < 0 || v >= shape[axis]) {
                throw ctx.error("position " + v + " is out of range [0, " + shape[axis] + ") of axis " + axis);
            }
        }
        ctx.requireShape(out, outputShape(shape, pShape, axis, batchDims), "output");
        Moves.intProduct(ctx, shape, 0, shape.length);
        int batch = Moves.intProduct(ctx, shape, 0, batchDims);
        int outer = Moves.intProduct(ctx, shape, batchDims, axis);
        int inner = Moves.intProduct(ctx, shape, axis + 1, shape.length);
        Moves.intProduct(ctx, outputShape(shape, pShape, axis, batchDims), 0, shape.length + pShape.length - 1 - batchDims);
        return Prepared.of(params(w, batch, outer, shape[axis], inner, idx), GatherKernel.KERNEL, 0);
    }

    static int[] outputShape(int[] shape, int[] pShape, int axis, int batchDims) {
        int[] s = new int[shape.length + pShape.length - 1 - batchDims];
        int k = 0;
        for (int i = 0; i < axis; i++) {
            s[k++] = shape[i];
        }
        for (int i = batchDims; i < pShape.length; i++) {
            s[k++] = pShape[i];
        }
        for (int i = axis + 1; i < shape.length; i++) {
            s[k++] = shape[i];
        }
        return s;
    }

    /**
     * Input {@code [batch, outer, dim, inner]}, indices {@code [batch, n]}: output
     * {@code [batch, outer, n, inner]}.
     */
    static GatherParams params(int w, int batch, int outer, int dim, int inner, int[] idx) {
        int n = idx.length / batch;
        int[] off = new int[batch * outer * n];
        int k = 0;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < n; i++) {
                    off[k++] = ((b * outer + o) * dim + idx[b * n + i]) * inner * w;
                }
            }
        }
        return new GatherParams(inner * w, off);
    }
}
