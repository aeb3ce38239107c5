/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.moves;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

import java.util.Arrays;

/** Checks shared by the data-movement operators. */
public final class Moves {
    private Moves() {}

    public static final TensorType I8 = TensorType.INT8, U8 = TensorType.UINT8, I16 = TensorType.INT16,
            I32 = TensorType.INT32, I64 = TensorType.INT64, F32 = TensorType.FLOAT32, BOOL = TensorType.BOOL;

    /** Requires {@code t} to have one of {@code allowed} types and returns its element width. */
    public static int elemBytes(OpContext ctx, TensorDef t, String role, TensorType... allowed) {
        for (TensorType a : allowed) {
            if (t.type() == a) {
                return t.type().bytes();
            }
        }
        throw ctx.unsupported(role + " " + t.label() + " has type " + t.type() + ", supported: " + Arrays.toString(allowed));
    }

    public static void sameType(OpContext ctx, TensorDef in, TensorDef out, String role) {
        if (in.type() != out.type()) {
            throw ctx.error(role + " " + out.label() + " has type " + out.type() + ", the input has " + in.type());
        }
    }

    /** Requires equal scale and zero point (TFLite compares both, unquantized tensors have 0 and 0). */
    public static void sameQuantization(OpContext ctx, TensorDef in, TensorDef out, String role) {
        if (ctx.scale(in) != ctx.scale(out) || ctx.zeroPoint(in) != ctx.zeroPoint(out)) {
            throw ctx.unsupported(role + " " + out.label() + " (scale " + ctx.scale(out) + ", zero point "
                    + ctx.zeroPoint(out) + ") is quantized unlike " + in.label() + " (scale " + ctx.scale(in)
                    + ", zero point " + ctx.zeroPoint(in) + "); TFLite requires them equal");
        }
    }

    /** A constant int32/int64 input; computed ones are refused. */
    public static int[] constantIndices(OpContext ctx, TensorDef t, String role) {
        if (!ctx.isConstant(t)) {
            throw ctx.unsupported(role + " " + t.label() + " is computed at run time; only a constant is supported");
        }
        return ctx.indexConstant(t, role);
    }

    /** A constant single-element axis, negative counting from the end, checked against {@code rank}. */
    public static int constantAxis(OpContext ctx, TensorDef t, int rank) {
        int[] v = constantIndices(ctx, t, "axis");
        if (v.length != 1) {
            throw ctx.error("axis " + t.label() + " has " + v.length + " elements, expected 1");
        }
        int axis = v[0] < 0 ? v[0] + rank : v[0];
        if (axis < 0 || axis >= rank) {
            throw ctx.error("axis " + v[0] + " is out of range for rank " + rank);
        }
        return axis;
    }

    public static long product(int[] shape, int from, int to) {
        long p = 1;
        for (int i = from; i < to; i++) {
            p *= shape[i];
        }
        return p;
    }

    public static int intProduct(OpContext ctx, int[] shape, int from, int to) {
        long p = product(shape, from, to);
        if (p > Integer.MAX_VALUE / 8) {
            throw ctx.unsupported("shape " + Arrays.toString(shape) + " is too large");
        }
        return (int) p;
    }

    /** Little-endian bytes of {@code v} in {@code width} bytes. */
    public static byte[] le(long v, int width) {
        byte[] b = new byte[width];
        for (int k = 0; k < width; k++) {
            b[k] = (byte) (v >> (8 * k));
        }
        return b;
    }
}
