/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.broadcastargs;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * BROADCAST_ARGS of two rank-1 INT32 or INT64 shape tensors (constant or fed at run time) into the
 * broadcast shape, a rank-1 tensor of the longer input's length and the inputs' type.
 */
public final class BroadcastArgsOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.BROADCAST_ARGS;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.input(0);
        TensorDef b = ctx.input(1);
        TensorDef out = ctx.output(0);
        ctx.quantized(a, "input 0", TensorType.INT32, TensorType.INT64);
        if (b.type() != a.type() || out.type() != a.type()) {
            throw ctx.error("input and output types differ: " + a.type() + ", " + b.type() + " -> " + out.type());
        }
        ctx.requireRank(a, 1, "input 0");
        ctx.requireRank(b, 1, "input 1");
        int n = Math.max(a.shape()[0], b.shape()[0]);
        ctx.requireShape(out, new int[] {n}, "output");
        return Prepared.of(new BroadcastArgsParams(a.shape()[0], b.shape()[0], a.type() == TensorType.INT64),
                BroadcastArgsKernel.KERNEL, 0, 1);
    }
}
