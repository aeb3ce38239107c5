/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pad;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.copy.MoveTypes;
import dev.ember4j.ops.copy.StridedCopy;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * Preparation shared by PAD and PADV2 (TFLite runs both with one kernel): constant paddings
 * {@code [rank, 2]} (int32 or int64, non-negative), rank at most 5, and the pad value:
 * <ul>
 *   <li>without a constant_values input: the output zero point for uint8, and for int8 / int16 tensors
 *       that carry quantization; else zero;</li>
 *   <li>with one (a constant scalar of the input's type): its stored value; for the quantized types it
 *       must share the output's scale and zero point.</li>
 * </ul>
 */
final class PadPrepare {
    private PadPrepare() {}

    static final int MAX_RANK = 5; // reference_ops::PadKernelMaxDimensionCount

    static Prepared prepare(OpContext ctx, int optionsType, String optionsName, OpKernel<PadParams> kernel) {
        ctx.expectInputs(2, 3);
        ctx.expectOutputs(1);
        ctx.options(optionsType, optionsName);
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int elemBytes = MoveTypes.elementBytes(ctx, in, out);
        int[] shape = in.shape();
        if (shape.length > MAX_RANK) {
            throw ctx.unsupported("input " + in.label() + " has rank " + shape.length + ", PAD supports at most "
                    + MAX_RANK);
        }
        TensorDef paddingsTensor = ctx.input(1);
        ctx.requireRank(paddingsTensor, 2, "paddings");
        if (paddingsTensor.shape()[0] != shape.length || paddingsTensor.shape()[1] != 2) {
            throw ctx.error("paddings " + paddingsTensor.label() + " has shape " + paddingsTensor.shapeString()
                    + ", expected [" + shape.length + ", 2]");
        }
        if (!ctx.isConstant(paddingsTensor)) {
            throw ctx.unsupported("paddings " + paddingsTensor.label() + " is computed at run time; only a constant is supported");
        }
        int[] paddings = ctx.indexConstant(paddingsTensor, "paddings");
        for (int v : paddings) {
            if (v < 0) {
                throw ctx.error("paddings " + paddingsTensor.label() + " " + Arrays.toString(paddings)
                        + " has a negative entry");
            }
        }
        int[] outShape = outputShape(shape, paddings);
        if (outShape == null) {
            throw ctx.unsupported("paddings " + Arrays.toString(paddings) + " overflow the output size");
        }
        ctx.requireShape(out, outShape, "output");

        boolean quantizedInt = in.type() == TensorType.UINT8
                || ((in.type() == TensorType.INT8 || in.type() == TensorType.INT16) && in.quantization() != null);
        if (quantizedInt && out.quantization() != null
                && (ctx.scale(in) != ctx.scale(out) || ctx.zeroPoint(in) != ctx.zeroPoint(out))) {
            throw ctx.error("output " + out.label() + " scale " + ctx.scale(out) + " zero point " + ctx.zeroPoint(out)
                    + " differs from input " + in.label() + " scale " + ctx.scale(in) + " zero point "
                    + ctx.zeroPoint(in));
        }
        byte[] padValue;
        TensorDef cv = ctx.optionalInput(2);
        if (cv == null) {
            padValue = new byte[elemBytes];
            if (quantizedInt) {
                int zp = ctx.zeroPoint(out);
                for (int k = 0; k < elemBytes; k++) {
                    padValue[k] = (byte) (zp >> (8 * k));
                }
            }
        } else {
            if (cv.type() != in.type()) {
                throw ctx.error("constant_values " + cv.label() + " has type " + cv.type() + ", the input has "
                        + in.type());
            }
            if (cv.elementCount() != 1) {
                throw ctx.error("constant_values " + cv.label() + " has shape " + cv.shapeString()
                        + ", expected one element");
            }
            if (quantizedInt && (ctx.scale(cv) != ctx.scale(out) || ctx.zeroPoint(cv) != ctx.zeroPoint(out))) {
                throw ctx.error("constant_values " + cv.label() + " scale " + ctx.scale(cv) + " zero point "
                        + ctx.zeroPoint(cv) + " differ from output " + out.label() + " scale " + ctx.scale(out)
                        + " zero point " + ctx.zeroPoint(out));
            }
            padValue = ctx.constant(cv, "constant_values").clone();
        }
        return Prepared.of(params(elemBytes, shape, paddings, padValue), kernel, 0);
    }

    /** Input dimension plus both paddings per axis, or null when a dimension overflows an int. */
    static int[] outputShape(int[] shape, int[] paddings) {
        int[] out = new int[shape.length];
        long total = 1;
        for (int i = 0; i < shape.length; i++) {
            long d = (long) shape[i] + paddings[2 * i] + paddings[2 * i + 1];
            total *= d;
            if (d > Integer.MAX_VALUE || total > Integer.MAX_VALUE / 8) {
                return null;
            }
            out[i] = (int) d;
        }
        return out;
    }

    /** Kernel parameters for an input shape, paddings {@code [rank * 2]} (left, right per axis), pad value bytes. */
    static PadParams params(int elemBytes, int[] shape, int[] paddings, byte[] padValue) {
        int[] outShape = outputShape(shape, paddings);
        int[] outStrides = StridedCopy.rowMajorStrides(outShape);
        int offset = 0;
        int outCount = 1;
        for (int i = 0; i < shape.length; i++) {
            offset += paddings[2 * i] * outStrides[i];
            outCount *= outShape[i];
        }
        // in order: the kernel writes the output once, front to back, filling the gaps between interior runs
        int[] plan = StridedCopy.planInOrder(elemBytes, shape, StridedCopy.rowMajorStrides(shape), outStrides);
        return new PadParams(padValue, outCount * elemBytes, offset * elemBytes, plan);
    }
}
