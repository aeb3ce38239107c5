/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.binary;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

import java.util.Arrays;

/**
 * The prepare FLOOR_DIV and FLOOR_MOD share: two inputs and the output of one type from {@code supported},
 * raw values (quantized int8/int16 tensors refused), broadcast up to rank 4 as TFLite's
 * BroadcastBinaryFunction4DSlow.
 *
 * @param type    the tensors' type
 * @param strides {output shape, input 1 strides, input 2 strides}
 * @param sameShape true when both inputs have the output's shape
 */
public record RawBinary(TensorType type, int[][] strides, boolean sameShape, int elements) {

    public static RawBinary prepare(OpContext ctx, String op, TensorType... supported) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.input(0);
        TensorDef b = ctx.input(1);
        TensorDef out = ctx.output(0);
        if (!Arrays.asList(supported).contains(a.type())) {
            throw ctx.unsupported("input 1 " + a.label() + " has type " + a.type() + ", supported: "
                    + String.join(", ", Arrays.stream(supported).map(TensorType::name).toList()));
        }
        if (b.type() != a.type() || out.type() != a.type()) {
            throw ctx.error("input and output types differ: " + a.type() + ", " + b.type() + " -> " + out.type());
        }
        if (a.type() == TensorType.INT8 || a.type() == TensorType.INT16) {
            for (TensorDef t : new TensorDef[] {a, b, out}) {
                if (t.quantization() != null) {
                    throw ctx.unsupported(t.label() + " is quantized " + t.type() + "; only unquantized integer "
                            + op + " is supported");
                }
            }
        }
        return new RawBinary(a.type(), BinaryShapes.strides(ctx, a, b, out, 4), Arrays.equals(a.shape(), b.shape()),
                out.elementCount());
    }
}
