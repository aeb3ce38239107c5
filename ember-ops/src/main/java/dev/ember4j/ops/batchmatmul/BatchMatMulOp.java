/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchmatmul;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * BATCH_MATMUL of two int8 tensors into int8, or of two float32 tensors into float32, rank 2 to 5 (either
 * may be constant): adj_x / adj_y,
 * numpy broadcasting of the batch dimensions, no fused activation.
 */
public final class BatchMatMulOp implements OperatorSpec {
    private static final int OPTIONS = 101; // BuiltinOptions.BatchMatMulOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.BATCH_MATMUL;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "BatchMatMulOptions");
        boolean adjX = OpContext.bool(o, 0, false);
        boolean adjY = OpContext.bool(o, 1, false);
        boolean isFloat = FloatTensors.isFloat(ctx);
        TensorDef lhs;
        TensorDef rhs;
        TensorDef out;
        if (isFloat) {
            lhs = ctx.input(0);
            rhs = FloatTensors.weights(ctx, ctx.input(1), "rhs");
            out = FloatTensors.require(ctx, ctx.output(0), "output");
        } else {
            lhs = singleScale(ctx, ctx.quantized(ctx.input(0), "lhs", TensorType.INT8), "lhs");
            rhs = singleScale(ctx, ctx.quantized(ctx.input(1), "rhs", TensorType.INT8), "rhs");
            out = ctx.quantized(ctx.output(0), "output", TensorType.INT8);
        }
        int[] a = lhs.shape();
        int[] b = rhs.shape();
        if (a.length < 2 || a.length > 5 || b.length < 2 || b.length > 5) {
            throw ctx.error("operands " + lhs.shapeString() + " and " + rhs.shapeString()
                    + " must have rank 2 to 5");
        }
        if (adjX && a.length > 2 && b.length > 2 && b[b.length - 3] == 1) {
            // TFLite 2.21 folds the LHS's third-from-last dimension into its rows when the RHS has a 1
            // there, also for adj_x where that fold mixes up the transposed data: its output is garbage.
            throw ctx.unsupported("adj_x with an RHS " + rhs.shapeString() + " whose third-from-last dimension is 1"
                    + " is computed incorrectly by TFLite's kernel; not supported");
        }
        int[] extA = extend(a);
        int[] extB = extend(b);
        int[] batch = new int[3];
        for (int d = 0; d < 3; d++) {
            if (extA[d] != extB[d] && extA[d] != 1 && extB[d] != 1) {
                throw ctx.error("batch dimensions of " + lhs.shapeString() + " and " + rhs.shapeString()
                        + " do not broadcast");
            }
            batch[d] = extA[d] == 1 ? extB[d] : extA[d];
        }
        int rows = adjX ? extA[4] : extA[3];
        int depth = adjX ? extA[3] : extA[4];
        int depthB = adjY ? extB[4] : extB[3];
        int cols = adjY ? extB[3] : extB[4];
        if (depth != depthB) {
            throw ctx.error("inner dimensions differ: " + lhs.shapeString() + (adjX ? " (adj_x)" : "") + " x "
                    + rhs.shapeString() + (adjY ? " (adj_y)" : ""));
        }
        int rank = Math.max(a.length, b.length);
        int[] outShape = new int[rank];
        for (int d = 0; d < rank - 2; d++) {
            outShape[d] = batch[3 - (rank - 2) + d];
        }
        outShape[rank - 2] = rows;
        outShape[rank - 1] = cols;
        ctx.requireShape(out, outShape, "output");
        if (isFloat) {
            return Prepared.of(new BatchMatMulParams(batch, batchStrides(extA), batchStrides(extB), rows, cols, depth,
                    adjX ? 1 : depth, adjX ? rows : 1, adjY ? 1 : cols, adjY ? depth : 1, 0, 0, 0, 0, 0),
                    BatchMatMulFloatKernel.KERNEL, 0, 1);
        }
        double real = (double) (ctx.scale(lhs) * ctx.scale(rhs)) / (double) ctx.scale(out);
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        if (m.shift() > 31) {
            throw ctx.unsupported("output multiplier " + real + " is out of range");
        }
        return Prepared.of(new BatchMatMulParams(batch, batchStrides(extA), batchStrides(extB), rows, cols, depth,
                adjX ? 1 : depth, adjX ? rows : 1, adjY ? 1 : cols, adjY ? depth : 1,
                -ctx.zeroPoint(lhs), -ctx.zeroPoint(rhs), ctx.zeroPoint(out), m.multiplier(), m.shift()), BatchMatMulKernel.KERNEL, 0, 1);
    }

    private static TensorDef singleScale(OpContext ctx, TensorDef t, String role) {
        if (t.quantization().scale().length != 1) {
            throw ctx.unsupported(role + " " + t.label() + " is quantized per channel; only per-tensor is supported");
        }
        return t;
    }

    /** The shape with leading 1s to rank 5. */
    static int[] extend(int[] shape) {
        int[] e = new int[5];
        Arrays.fill(e, 1);
        System.arraycopy(shape, 0, e, 5 - shape.length, shape.length);
        return e;
    }

    /** Element strides of the three batch dimensions, 0 where the dimension is 1 (broadcast). */
    static int[] batchStrides(int[] ext) {
        int[] s = new int[3];
        int step = ext[3] * ext[4];
        for (int d = 2; d >= 0; d--) {
            s[d] = ext[d] == 1 ? 0 : step;
            step *= ext[d];
        }
        return s;
    }
}
