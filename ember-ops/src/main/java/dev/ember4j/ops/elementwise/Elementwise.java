/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elementwise;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.common.LutParams;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/** Prepare checks shared by the element-wise operators: one input, one output, same type and shape. */
public final class Elementwise {
    private Elementwise() {}

    public static final OpKernel<ElementwiseParams> KERNEL = ElementwiseKernel.KERNEL;
    public static final OpKernel<CheckedLutParams> CHECKED_LUT = CheckedLutKernel.KERNEL;

    /** {input, output}: one of {@code allowed}, the output of the input's type and shape. */
    public static TensorDef[] tensors(OpContext ctx, TensorType... allowed) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", allowed);
        TensorDef out = ctx.output(0);
        if (out.type() != in.type()) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", the input " + in.type());
        }
        ctx.quantized(out, "output", allowed);
        if (!Arrays.equals(in.shape(), out.shape())) {
            throw ctx.error("output " + out.label() + " has shape " + out.shapeString() + ", the input "
                    + in.label() + " has " + in.shapeString());
        }
        if (in.type() == TensorType.INT8 && (in.quantization().perChannel() || out.quantization().perChannel())) {
            throw ctx.unsupported("per-channel quantized activations are not supported");
        }
        return new TensorDef[] {in, out};
    }

    /** The unquantized kernel of function {@code fn} for a FLOAT32, INT32 or INT64 input. */
    public static Prepared plain(OpContext ctx, TensorDef in, int fn) {
        int type = switch (in.type()) {
            case FLOAT32 -> ElementwiseKernel.FLOAT32;
            case INT32 -> ElementwiseKernel.INT32;
            case INT64 -> ElementwiseKernel.INT64;
            default -> throw ctx.unsupported("input " + in.label() + " has type " + in.type());
        };
        return Prepared.of(new ElementwiseParams(in.elementCount(), fn, type), KERNEL, 0);
    }

    /** Float function {@code fn} of {@link ElementwiseKernel} on a FLOAT32 input and output of one shape. */
    public static Prepared floatFunction(OpContext ctx, int fn) {
        return plain(ctx, tensors(ctx, TensorType.FLOAT32)[0], fn);
    }

    /** An int8 function's 256-entry table, built from the input and output quantization. */
    @FunctionalInterface
    public interface Int8Table {
        byte[] build(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint);
    }

    /**
     * An INT8 or FLOAT32 unary function: FLOAT32 by the plain kernel of function {@code fn}, INT8 by
     * {@code lut} over {@code table} of the tensors' quantization.
     */
    public static Prepared int8TableOrFloat(OpContext ctx, int fn, Int8Table table, OpKernel<LutParams> lut) {
        TensorDef[] t = tensors(ctx, TensorType.INT8, TensorType.FLOAT32);
        TensorDef in = t[0];
        TensorDef out = t[1];
        if (in.type() == TensorType.FLOAT32) {
            return plain(ctx, in, fn);
        }
        return Prepared.of(new LutParams(in.elementCount(), table.build(ctx.scale(in), ctx.zeroPoint(in),
                ctx.scale(out), ctx.zeroPoint(out))), lut, 0);
    }

    /**
     * As {@link #int8TableOrFloat}, the INT8 table read through {@code lut} with inputs below the input
     * zero point taken as the zero point ({@link CheckedLutParams}, {@code op} naming the operator).
     */
    public static Prepared checkedInt8TableOrFloat(OpContext ctx, int fn, Int8Table table,
                                                   OpKernel<CheckedLutParams> lut, int op) {
        TensorDef[] t = tensors(ctx, TensorType.INT8, TensorType.FLOAT32);
        TensorDef in = t[0];
        TensorDef out = t[1];
        if (in.type() == TensorType.FLOAT32) {
            return plain(ctx, in, fn);
        }
        return Prepared.of(new CheckedLutParams(in.elementCount(), table.build(ctx.scale(in), ctx.zeroPoint(in),
                ctx.scale(out), ctx.zeroPoint(out)), ctx.zeroPoint(in), op), lut, 0);
    }
}
