/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.cumsum;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * CUMSUM of FLOAT32, INT32 or INT64 (the types TFLite 2.21 takes) along a constant INT32 axis (one value,
 * negative counts from the end), CumsumOptions exclusive / reverse.
 */
public final class CumSumOp implements OperatorSpec {

    /** BuiltinOptions index of CumsumOptions. */
    static final int OPTIONS = 102;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.CUMSUM;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.FLOAT32, TensorType.INT32, TensorType.INT64);
        TensorDef axisTensor = ctx.input(1);
        TensorDef out = ctx.output(0);
        if (out.type() != in.type()) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", the input " + in.type());
        }
        ctx.requireShape(out, in.shape(), "output");
        int[] axes = ctx.int32Constant(axisTensor, "axis");
        if (axes.length != 1) {
            throw ctx.error("axis " + axisTensor.label() + " holds " + axes.length + " values, expected 1");
        }
        int rank = in.shape().length;
        if (rank < 1) {
            throw ctx.error("input " + in.label() + " is a scalar; CUMSUM needs rank 1 or more");
        }
        int axis = axes[0] < 0 ? axes[0] + rank : axes[0];
        if (axis < 0 || axis >= rank) {
            throw ctx.error("axis " + axes[0] + " is out of range for input " + in.label() + " of rank " + rank);
        }
        Table o = ctx.options(OPTIONS, "CumsumOptions");
        boolean exclusive = OpContext.bool(o, 0, false);
        boolean reverse = OpContext.bool(o, 1, false);
        int[] s = in.shape();
        int outer = Arrays.stream(s, 0, axis).reduce(1, (a, b) -> a * b);
        int inner = Arrays.stream(s, axis + 1, rank).reduce(1, (a, b) -> a * b);
        int type = switch (in.type()) {
            case FLOAT32 -> CumSumKernel.FLOAT32;
            case INT32 -> CumSumKernel.INT32;
            default -> CumSumKernel.INT64;
        };
        return Prepared.of(new CumSumParams(outer, s[axis], inner, exclusive, reverse, type), CumSumKernel.KERNEL, 0);
    }
}
