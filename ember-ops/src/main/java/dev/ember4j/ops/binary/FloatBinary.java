/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.binary;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.Prepared;

/** Prepare of the float32 ADD, SUB and MUL: both inputs and the output FLOAT32, broadcasting. */
public final class FloatBinary {
    private FloatBinary() {}

    public static final OpKernel<FloatBinaryParams> KERNEL = FloatBinaryKernel.KERNEL;

    /** True when the operator's first input is FLOAT32. */
    public static boolean applies(OpContext ctx) {
        return ctx.inputCount() == 2 && ctx.input(0).type() == TensorType.FLOAT32;
    }

    /**
     * {@code op} of {@link FloatBinaryKernel} with fused activation {@code activation}; inputs of different
     * shapes broadcast up to {@code broadcastRank} dimensions.
     */
    public static Prepared prepare(OpContext ctx, int op, int activation, int broadcastRank) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.input(0);
        TensorDef b = FloatTensors.require(ctx, ctx.input(1), "input 2");
        TensorDef out = FloatTensors.require(ctx, ctx.output(0), "output");
        float[] range = FloatActivation.range(ctx, activation);
        int[][] st = BinaryShapes.strides(ctx, a, b, out, broadcastRank);
        return Prepared.of(new FloatBinaryParams(op, st[0], st[1], st[2], range[0], range[1]), KERNEL, 0, 1);
    }
}
