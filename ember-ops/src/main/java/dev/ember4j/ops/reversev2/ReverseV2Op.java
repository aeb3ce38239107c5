/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reversev2;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * REVERSE_V2 of FLOAT32, UINT8, INT8, INT16, INT32, INT64 or BOOL (TFLite 2.21's types) along a constant
 * INT32 list of axes (negative ones count from the end). TFLite reverses only axes that are contiguous
 * once sorted, each named once, and fails the inference on any other list: refused here at load.
 */
public final class ReverseV2Op implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.REVERSE_V2;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef in = ctx.input(0);
        TensorDef axesTensor = ctx.input(1);
        TensorDef out = ctx.output(0);
        switch (in.type()) {
            case FLOAT32, UINT8, INT8, INT16, INT32, INT64, BOOL -> { }
            default -> throw ctx.unsupported("input " + in.label() + " has type " + in.type()
                    + ", supported: FLOAT32, UINT8, INT8, INT16, INT32, INT64, BOOL");
        }
        if (out.type() != in.type()) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", the input " + in.type());
        }
        ctx.requireShape(out, in.shape(), "output");
        if (axesTensor.shape().length != 1) {
            throw ctx.error("axis " + axesTensor.label() + " has shape " + axesTensor.shapeString() + ", expected rank 1");
        }
        int[] axes = ctx.int32Constant(axesTensor, "axis");
        int rank = in.shape().length;
        if (axes.length == 0 || axes.length > rank) {
            throw ctx.error("axis " + axesTensor.label() + " holds " + axes.length + " axes for input "
                    + in.label() + " of rank " + rank);
        }
        int[] sorted = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            int a = axes[i] < 0 ? axes[i] + rank : axes[i];
            if (a < 0 || a >= rank) {
                throw ctx.error("axis " + axes[i] + " is out of range for input " + in.label() + " of rank " + rank);
            }
            sorted[i] = a;
        }
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1] + 1) {
                throw ctx.unsupported("axes " + Arrays.toString(axes) + " are not contiguous distinct axes "
                        + "(TFLite 2.21 reverses only those)");
            }
        }
        int[] s = in.shape();
        int first = sorted[0];
        int last = sorted[sorted.length - 1];
        int outer = Arrays.stream(s, 0, first).reduce(1, (a, b) -> a * b);
        int span = Arrays.stream(s, first, last + 1).reduce(1, (a, b) -> a * b);
        int inner = Arrays.stream(s, last + 1, rank).reduce(1, (a, b) -> a * b);
        return Prepared.of(new ReverseV2Params(outer, span, inner, in.type().bytes()), ReverseV2Kernel.KERNEL, 0);
    }
}
