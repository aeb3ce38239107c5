/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

import java.util.Arrays;

/** Checks shared by the element-wise 8-bit activations: one input, one output of the same shape and type. */
public final class Unary {
    private Unary() {}

    /** The input and output tensors, both quantized int8 with the same shape. */
    public static TensorDef[] int8(OpContext ctx) {
        return quantized(ctx, TensorType.INT8);
    }

    /** The input and output tensors, both quantized {@code type} with the same shape. */
    public static TensorDef[] quantized(OpContext ctx, TensorType type) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", type);
        TensorDef out = ctx.quantized(ctx.output(0), "output", type);
        if (!Arrays.equals(in.shape(), out.shape())) {
            throw ctx.error("output " + out.label() + " has shape " + out.shapeString() + ", the input "
                    + in.label() + " has " + in.shapeString());
        }
        if (in.quantization().perChannel() || out.quantization().perChannel()) {
            throw ctx.unsupported("per-channel quantized activations are not supported");
        }
        return new TensorDef[] {in, out};
    }
}
