/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.addn;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/** ADD_N of two or more float32 or int32 tensors of one shape (no broadcasting, as TFLite). */
public final class AddNOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ADD_N;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        int n = ctx.inputCount();
        ctx.expectInputs(2, Math.max(2, n));
        ctx.expectOutputs(1);
        TensorDef first = ctx.input(0);
        if (first.type() != TensorType.FLOAT32 && first.type() != TensorType.INT32) {
            throw ctx.unsupported("input 0 " + first.label() + " has type " + first.type()
                    + ", supported: FLOAT32, INT32");
        }
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            TensorDef t = ctx.input(i);
            if (t.type() != first.type()) {
                throw ctx.error("input " + i + " " + t.label() + " has type " + t.type() + ", input 0 " + first.type());
            }
            if (!Arrays.equals(t.shape(), first.shape())) {
                throw ctx.error("input " + i + " " + t.label() + " has shape " + t.shapeString() + ", input 0 "
                        + first.shapeString());
            }
            positions[i] = i;
        }
        TensorDef out = ctx.output(0);
        if (out.type() != first.type()) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", the inputs " + first.type());
        }
        ctx.requireShape(out, first.shape(), "output");
        return Prepared.of(new AddNParams(first.elementCount(), n, first.type() == TensorType.FLOAT32), AddNKernel.KERNEL,
                positions);
    }
}
