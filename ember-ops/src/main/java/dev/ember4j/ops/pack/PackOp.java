/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pack;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.CopyProgram;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * PACK of values_count tensors of one shape along a new axis (negative counts from the end of the
 * output rank). TFLite requires every input quantized exactly as the output.
 */
public final class PackOp implements OperatorSpec {
    private static final int OPTIONS = 59; // BuiltinOptions.PackOptions: values_count, axis
    static final TensorType[] TYPES = {Moves.I32, Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I64};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.PACK;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        Table o = ctx.options(OPTIONS, "PackOptions");
        int n = OpContext.i32(o, 0, 0);
        int axisOption = OpContext.i32(o, 1, 0);
        if (n < 1 || ctx.inputCount() != n) {
            throw ctx.error("values_count " + n + " differs from the " + ctx.inputCount() + " inputs");
        }
        ctx.expectOutputs(1);
        TensorDef in0 = ctx.input(0);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, in0, "input 0", TYPES);
        int[] shape = in0.shape();
        int axis = axisOption < 0 ? axisOption + shape.length + 1 : axisOption;
        if (axis < 0 || axis > shape.length) {
            throw ctx.error("axis " + axisOption + " is out of range for inputs of rank " + shape.length);
        }
        Moves.sameType(ctx, in0, out, "output");
        int[] inputs = new int[n];
        for (int i = 0; i < n; i++) {
            TensorDef t = ctx.input(i);
            if (!Arrays.equals(t.shape(), shape)) {
                throw ctx.error("input " + i + " " + t.label() + " has shape " + t.shapeString() + ", input 0 has "
                        + in0.shapeString());
            }
            Moves.sameType(ctx, in0, t, "input " + i);
            Moves.sameQuantization(ctx, out, t, "input " + i);
            inputs[i] = i;
        }
        ctx.requireShape(out, outputShape(shape, axis, n), "output");
        int[] outShape = outputShape(shape, axis, n);
        Moves.intProduct(ctx, outShape, 0, outShape.length);
        int outer = Moves.intProduct(ctx, shape, 0, axis);
        int inner = Moves.intProduct(ctx, shape, axis, shape.length);
        return Prepared.of(new PackParams(program(w, outer, inner, n)), PackKernel.KERNEL, inputs);
    }

    static int[] outputShape(int[] shape, int axis, int n) {
        int[] s = new int[shape.length + 1];
        for (int i = 0, j = 0; i < s.length; i++) {
            s[i] = i == axis ? n : shape[j++];
        }
        return s;
    }

    /** Input i ({@code [outer, inner]}) goes to rows i of the {@code [outer, n, inner]} output. */
    static int[] program(int w, int outer, int inner, int n) {
        CopyProgram.Builder b = new CopyProgram.Builder();
        for (int i = 0; i < n; i++) {
            b.add(i, 0, w, 0, (long) i * inner, new int[] {outer, inner}, new int[] {inner, 1},
                    new int[] {n * inner, 1});
        }
        return b.build();
    }
}
