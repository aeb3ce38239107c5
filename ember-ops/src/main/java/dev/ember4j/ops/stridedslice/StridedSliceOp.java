/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.stridedslice;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.copy.MoveTypes;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * STRIDED_SLICE with constant int32 begin, end and strides and every option (begin, end, ellipsis,
 * new-axis and shrink masks, offset), input rank at most 5; see {@link SliceLogic}.
 */
public final class StridedSliceOp implements OperatorSpec {
    private static final int OPTIONS = 32; // BuiltinOptions.StridedSliceOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.STRIDED_SLICE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(4, 4);
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "StridedSliceOptions");
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int elemBytes = MoveTypes.elementBytes(ctx, in, out);
        int[][] idx = new int[3][];
        String[] roles = {"begin", "end", "strides"};
        for (int k = 0; k < 3; k++) {
            TensorDef t = ctx.optionalInput(1 + k);
            if (t == null) {
                throw ctx.error("required input " + (1 + k) + " (" + roles[k] + ") is missing");
            }
            ctx.requireRank(t, 1, roles[k]);
            idx[k] = MoveTypes.constantInts(ctx, t, roles[k]);
        }
        SliceLogic.Result r;
        try {
            r = SliceLogic.compute(in.shape(), idx[0], idx[1], idx[2], OpContext.i32(o, 0, 0), OpContext.i32(o, 1, 0),
                    OpContext.i32(o, 2, 0), OpContext.i32(o, 3, 0), OpContext.i32(o, 4, 0), OpContext.bool(o, 5, false));
        } catch (SliceLogic.Invalid e) {
            throw ctx.error(e.getMessage());
        } catch (SliceLogic.Unsupported e) {
            throw ctx.unsupported(e.getMessage());
        }
        ctx.requireShape(out, r.outputShape(), "output");
        return Prepared.of(r.params(elemBytes), StridedSliceKernel.KERNEL, 0);
    }
}
