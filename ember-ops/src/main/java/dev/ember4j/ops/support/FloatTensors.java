/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/** Type checks of the float kernels' tensors, made at load. */
public final class FloatTensors {
    private FloatTensors() {}

    /** True when the operator's first input is FLOAT32: the operator takes its float kernel. */
    public static boolean isFloat(OpContext ctx) {
        return ctx.inputCount() > 0 && ctx.input(0).type() == TensorType.FLOAT32;
    }

    /**
     * Requires a FLOAT32 tensor next to a float input: any other type is a malformed model (TFLite's
     * Prepare fails on the type mismatch).
     */
    public static TensorDef require(OpContext ctx, TensorDef t, String role) {
        if (t.type() != TensorType.FLOAT32) {
            throw ctx.error(role + " " + t.label() + " has type " + t.type() + " where the float32 operator needs "
                    + "FLOAT32");
        }
        return t;
    }

    /**
     * Requires FLOAT32 weights; quantized weights with a float input are TFLite's hybrid path, which
     * Ember4j does not run.
     */
    public static TensorDef weights(OpContext ctx, TensorDef t, String role) {
        if (t.type() == TensorType.INT8 || t.type() == TensorType.UINT8) {
            throw ctx.unsupported(role + " " + t.label() + " is " + t.type() + " with a float32 input (hybrid "
                    + "quantization) is not supported");
        }
        return require(ctx, t, role);
    }

    /** The constant float32 bias of {@code count} values as raw little-endian bytes, or an empty array. */
    public static byte[] bias(OpContext ctx, TensorDef bias, int count) {
        if (bias == null) {
            return new byte[0];
        }
        require(ctx, bias, "bias");
        if (bias.elementCount() != count) {
            throw ctx.error("bias " + bias.label() + " has " + bias.elementCount() + " values, expected " + count);
        }
        return ctx.constant(bias, "bias");
    }
}
