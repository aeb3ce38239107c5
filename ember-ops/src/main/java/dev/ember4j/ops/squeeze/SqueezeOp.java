/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.squeeze;

import dev.ember4j.ops.copy.Aliases;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.fb.Vector;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * SQUEEZE: drops the size-1 axes listed in squeeze_dims (negative ones from the end; every size-1 axis
 * when the list is empty). The output shares the input's bytes.
 */
public final class SqueezeOp implements OperatorSpec {
    private static final int OPTIONS = 30; // BuiltinOptions.SqueezeOptions
    private static final int MAX_RANK = 8;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SQUEEZE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "SqueezeOptions");
        Vector v = o == null ? null : o.vector(0, "squeeze_dims", 4);
        int[] dims = v == null ? new int[0] : v.ints();
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        Aliases.requireSameBytes(ctx, in, out);
        int[] shape = in.shape();
        if (shape.length > MAX_RANK) {
            throw ctx.error("input " + in.label() + " has rank " + shape.length + ", SQUEEZE allows at most " + MAX_RANK);
        }
        int[] outShape = outputShape(shape, dims);
        if (outShape == null) {
            throw ctx.error("squeeze_dims " + Arrays.toString(dims) + " do not name size-1 axes of "
                    + in.shapeString());
        }
        ctx.requireShape(out, outShape, "output");
        return Prepared.alias(0);
    }

    /** The squeezed shape, or null when an entry is out of range or names an axis whose size is not 1. */
    static int[] outputShape(int[] shape, int[] dims) {
        int rank = shape.length;
        boolean[] drop = new boolean[rank];
        if (dims.length == 0) {
            for (int i = 0; i < rank; i++) {
                drop[i] = shape[i] == 1;
            }
        } else {
            for (int d : dims) {
                int a = d < 0 ? d + rank : d;
                if (a < 0 || a >= rank || shape[a] != 1) {
                    return null;
                }
                drop[a] = true;
            }
        }
        return java.util.stream.IntStream.range(0, rank).filter(i -> !drop[i]).map(i -> shape[i]).toArray();
    }
}
