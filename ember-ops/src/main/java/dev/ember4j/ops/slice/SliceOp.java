/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.slice;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.copy.MoveTypes;
import dev.ember4j.ops.copy.StridedCopy;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * SLICE with constant begin and size (int32 or int64), input rank at most 5: a size of -1 takes the
 * rest of the axis; otherwise {@code begin + size} must stay within the axis.
 */
public final class SliceOp implements OperatorSpec {
    private static final int OPTIONS = 48; // BuiltinOptions.SliceOptions
    static final int MAX_RANK = 5;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SLICE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(3, 3);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "SliceOptions");
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int elemBytes = MoveTypes.elementBytes(ctx, in, out);
        int[] shape = in.shape();
        if (shape.length > MAX_RANK) {
            throw ctx.unsupported("input " + in.label() + " has rank " + shape.length + ", SLICE supports at most "
                    + MAX_RANK);
        }
        int[][] v = new int[2][];
        String[] roles = {"begin", "size"};
        for (int k = 0; k < 2; k++) {
            TensorDef t = ctx.input(1 + k);
            ctx.requireRank(t, 1, roles[k]);
            if (!ctx.isConstant(t)) {
                throw ctx.unsupported(roles[k] + " " + t.label() + " is computed at run time; only a constant is supported");
            }
            v[k] = ctx.indexConstant(t, roles[k]);
            if (v[k].length != shape.length) {
                throw ctx.error(roles[k] + " " + t.label() + " has " + v[k].length + " entries for an input of rank "
                        + shape.length);
            }
        }
        int[] sizes = outputShape(shape, v[0], v[1]);
        if (sizes == null) {
            throw ctx.error("begin " + Arrays.toString(v[0]) + " size " + Arrays.toString(v[1])
                    + " leave input " + in.label() + " " + in.shapeString());
        }
        ctx.requireShape(out, sizes, "output");
        return Prepared.of(params(elemBytes, shape, v[0], sizes), SliceKernel.KERNEL, 0);
    }

    /** The slice's shape, or null when it leaves the input. */
    static int[] outputShape(int[] shape, int[] begin, int[] size) {
        int[] out = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            if (begin[i] < 0 || begin[i] > shape[i]) {
                return null;
            }
            int s = size[i];
            if (s == -1) {
                s = shape[i] - begin[i];
            } else if (s < 0 || (long) begin[i] + s > shape[i]) {
                return null;
            }
            out[i] = s;
        }
        return out;
    }

    static SliceParams params(int elemBytes, int[] shape, int[] begin, int[] sizes) {
        int[] strides = StridedCopy.rowMajorStrides(shape);
        int base = 0;
        for (int i = 0; i < shape.length; i++) {
            base += begin[i] * strides[i];
        }
        return new SliceParams(base * elemBytes,
                StridedCopy.plan(elemBytes, sizes, strides, StridedCopy.rowMajorStrides(sizes)));
    }
}
