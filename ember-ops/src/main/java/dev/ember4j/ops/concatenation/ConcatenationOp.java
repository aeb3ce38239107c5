/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.concatenation;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * CONCATENATION of N int8, int16 (16x8), uint8 or float32 tensors along one axis (negative axes count from the
 * end); float32 inputs are copied as they are.
 *
 * <p>TFLite 2.21 runs int8 and int16 through the plain copying Concatenation: its Prepare requires every int8
 * or int16 input to have exactly the output's scale and zero point, so a model with differing int8 quantization
 * fails in TFLite and is refused here (the converter inserts a QUANTIZE before such inputs instead). Only the
 * legacy uint8 path, ConcatenationWithScaling, requantizes: any input quantized unlike the output is rescaled
 * in float ({@link ConcatenationUint8Kernel}). A fused activation other than NONE is refused, as by TFLite.
 */
public final class ConcatenationOp implements OperatorSpec {
    private static final int OPTIONS = 10; // BuiltinOptions.ConcatenationOptions: axis, fused_activation_function

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.CONCATENATION;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        int n = ctx.inputCount();
        if (n < 1) {
            throw ctx.error("has no inputs");
        }
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "ConcatenationOptions");
        int axisOption = OpContext.i32(o, 0, 0);
        int activation = OpContext.u8(o, 1, 0);
        if (activation != 0) {
            ctx.activation(activation); // unknown codes are a format error
            throw ctx.unsupported("fused activation " + activation + " on CONCATENATION (TFLite requires NONE)");
        }
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8, TensorType.INT16, TensorType.UINT8,
                TensorType.FLOAT32);
        boolean float32 = out.type() == TensorType.FLOAT32;
        boolean uint8 = out.type() == TensorType.UINT8;
        TensorDef[] ins = new TensorDef[n];
        int[] inputs = new int[n];
        for (int i = 0; i < n; i++) {
            ins[i] = ctx.quantized(ctx.input(i), "input " + i, out.type());
            inputs[i] = i;
        }
        int rank = ins[0].shape().length;
        int axis = axisOption < 0 ? axisOption + rank : axisOption;
        if (axis < 0 || axis >= rank) {
            throw ctx.error("axis " + axisOption + " is out of range for input rank " + rank);
        }
        int[] outShape = ins[0].shape().clone();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            int[] s = ins[i].shape();
            if (s.length != rank) {
                throw ctx.error("input " + i + " " + ins[i].label() + " has shape " + ins[i].shapeString()
                        + ", rank differs from input 0 " + ins[0].shapeString());
            }
            for (int d = 0; d < rank; d++) {
                if (d != axis && s[d] != outShape[d]) {
                    throw ctx.error("input " + i + " " + ins[i].label() + " has shape " + ins[i].shapeString()
                            + ", which differs from input 0 " + ins[0].shapeString() + " outside axis " + axis);
                }
            }
            sum += s[axis];
            if (!uint8 && !float32 && (ctx.scale(ins[i]) != ctx.scale(out) || ctx.zeroPoint(ins[i]) != ctx.zeroPoint(out))) {
                throw ctx.unsupported("input " + i + " " + ins[i].label() + " (scale " + ctx.scale(ins[i])
                        + ", zero point " + ctx.zeroPoint(ins[i]) + ") is quantized unlike output " + out.label()
                        + " (scale " + ctx.scale(out) + ", zero point " + ctx.zeroPoint(out)
                        + "); TFLite's int8/int16 CONCATENATION does not rescale");
            }
        }
        if (sum > Integer.MAX_VALUE) {
            throw ctx.error("concatenated axis is too large");
        }
        outShape[axis] = (int) sum;
        ctx.requireShape(out, outShape, "output");
        ConcatenationParams geometry = params(outShape, axis, ins,
                out.type() == TensorType.INT16 ? 2 : float32 ? 4 : 1);
        if (uint8) {
            return Prepared.of(uint8Params(ctx, geometry, ins, out), ConcatenationUint8Kernel.KERNEL, inputs);
        }
        return Prepared.of(geometry, ConcatenationKernel.KERNEL, inputs);
    }

    /** Per input: copy when quantized exactly as the output, else TFLite's float scale and bias. */
    private static ConcatenationUint8Params uint8Params(OpContext ctx, ConcatenationParams geometry, TensorDef[] ins,
                                                        TensorDef out) {
        int n = ins.length;
        int[] rescale = new int[n];
        int[] scaleBits = new int[n];
        int[] biasBits = new int[n];
        float outScale = ctx.scale(out);
        int outZp = ctx.zeroPoint(out);
        float inverse = 1f / outScale;
        for (int i = 0; i < n; i++) {
            float inScale = ctx.scale(ins[i]);
            int inZp = ctx.zeroPoint(ins[i]);
            if (inScale == outScale && inZp == outZp) {
                continue;
            }
            float scale = inScale * inverse;
            rescale[i] = 1;
            scaleBits[i] = Float.floatToRawIntBits(scale);
            biasBits[i] = Float.floatToRawIntBits((float) -inZp * scale);
        }
        return new ConcatenationUint8Params(geometry.outer(), geometry.copyBytes(), rescale, scaleBits, biasBits,
                outZp);
    }

    private static ConcatenationParams params(int[] outShape, int axis, TensorDef[] ins, int elemBytes) {
        int[] axisSizes = new int[ins.length];
        for (int i = 0; i < ins.length; i++) {
            axisSizes[i] = ins[i].shape()[axis];
        }
        return params(outShape, axis, axisSizes, elemBytes);
    }

    /** Block geometry for inputs whose axis dimensions are {@code axisSizes}, elements of {@code elemBytes}. */
    public static ConcatenationParams params(int[] outShape, int axis, int[] axisSizes, int elemBytes) {
        int outer = 1;
        for (int d = 0; d < axis; d++) {
            outer *= outShape[d];
        }
        int inner = elemBytes;
        for (int d = axis + 1; d < outShape.length; d++) {
            inner *= outShape[d];
        }
        int[] copy = new int[axisSizes.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = axisSizes[i] * inner;
        }
        return new ConcatenationParams(outer, copy);
    }
}
