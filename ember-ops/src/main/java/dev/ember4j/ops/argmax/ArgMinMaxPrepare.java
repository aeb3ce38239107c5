/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.argmax;

import dev.ember4j.core.TensorType;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/**
 * Shared preparation of ARG_MAX and ARG_MIN: int8, uint8, int32, float32 or bool input, a constant
 * one-element int32/int64 axis (negative counts from the end), an int32 or int64 output as output_type
 * says, the input shape without the axis.
 */
public final class ArgMinMaxPrepare {
    private ArgMinMaxPrepare() {}

    public static ArgMinMaxParams prepare(OpContext ctx, int optionsType, String optionsName, boolean max) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        int outputType = OpContext.u8(ctx.options(optionsType, optionsName), 0, 4);
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        Moves.elemBytes(ctx, in, "input", Moves.I8, Moves.U8, Moves.I32, Moves.F32, Moves.BOOL);
        Moves.elemBytes(ctx, out, "output", Moves.I32, Moves.I64);
        if ((outputType == 2 && out.type() != TensorType.INT32) || (outputType == 4 && out.type() != TensorType.INT64)
                || (outputType != 2 && outputType != 4)) {
            throw ctx.error("output_type " + outputType + " does not match output type " + out.type());
        }
        int[] shape = in.shape();
        int axis = Moves.constantAxis(ctx, ctx.input(1), shape.length);
        int[] outShape = new int[shape.length - 1];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (i != axis) {
                outShape[j++] = shape[i];
            }
        }
        ctx.requireShape(out, outShape, "output");
        int type = switch (in.type()) {
            case INT8 -> ArgMinMaxKernel.INT8;
            case UINT8 -> ArgMinMaxKernel.UINT8;
            case INT32 -> ArgMinMaxKernel.INT32;
            case FLOAT32 -> ArgMinMaxKernel.FLOAT32;
            default -> ArgMinMaxKernel.BOOL;
        };
        return new ArgMinMaxParams(type, Moves.intProduct(ctx, shape, 0, axis), shape[axis],
                Moves.intProduct(ctx, shape, axis + 1, shape.length), max, out.type() == TensorType.INT64);
    }
}
