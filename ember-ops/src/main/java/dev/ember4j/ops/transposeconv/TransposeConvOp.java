/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transposeconv;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.ops.support.WideQuantization;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * int8, int16 (16x8) and float32 TRANSPOSE_CONV: inputs are the constant int32 output shape (0), the constant int8 OHWI weights
 * (1, per-channel or per-tensor, symmetric), the int8 data (2) and an optional int32 bias (3); SAME or
 * VALID padding computed as TFLite does (the conv padding of the output), strides, fused activation.
 */
public final class TransposeConvOp implements OperatorSpec {
    private static final int OPTIONS = 49; // BuiltinOptions.TransposeConvOptions
    static final int SAME = 0;
    static final int VALID = 1;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.TRANSPOSE_CONV;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(3, 4);
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "TransposeConvOptions");
        int padding = OpContext.u8(o, 0, SAME);
        int strideW = OpContext.i32(o, 1, 0);
        int strideH = OpContext.i32(o, 2, 0);
        int activation = OpContext.u8(o, 3, 0);
        if (strideW <= 0 || strideH <= 0) {
            throw ctx.error("strides " + strideH + "x" + strideW + " must be positive");
        }
        if (padding != SAME && padding != VALID) {
            throw ctx.error("unknown padding type " + padding);
        }
        TensorDef shapeTensor = ctx.input(0);
        boolean isFloat = ctx.input(2).type() == TensorType.FLOAT32;
        TensorType act = ctx.input(2).type() == TensorType.INT16 ? TensorType.INT16 : TensorType.INT8;
        TensorDef filter = isFloat ? FloatTensors.weights(ctx, ctx.input(1), "weights")
                : ctx.quantized(ctx.input(1), "weights", TensorType.INT8);
        TensorDef input = isFloat ? ctx.input(2) : ctx.quantized(ctx.input(2), "input", act);
        TensorDef bias = ctx.optionalInput(3);
        TensorDef output = isFloat ? FloatTensors.require(ctx, ctx.output(0), "output")
                : ctx.quantized(ctx.output(0), "output", act);
        ctx.requireRank(input, 4, "input");
        ctx.requireRank(filter, 4, "weights");
        ctx.requireRank(shapeTensor, 1, "output shape");
        int[] outShape;
        if (ctx.isConstant(shapeTensor)) {
            outShape = ctx.int32Constant(shapeTensor, "output shape");
            ctx.requireShape(output, outShape, "output");
        } else {
            // Fed at run time (TFLM's SEANet models make it a model input): as TFLM, the output keeps the
            // static shape the file gives it and the shape tensor's values are not read.
            ctx.requireType(shapeTensor, TensorType.INT32, "output shape");
            if (shapeTensor.shape()[0] != 4) {
                throw ctx.error("output shape " + shapeTensor.label() + " has " + shapeTensor.shape()[0]
                        + " values, expected 4");
            }
            outShape = output.shape().clone();
        }
        if (outShape.length != 4) {
            throw ctx.error("output shape " + Arrays.toString(outShape) + " is not 4-D");
        }
        int[] in = input.shape();
        int[] f = filter.shape();
        if (f[3] != in[3]) {
            throw ctx.error("weights depth " + f[3] + " differs from input depth " + in[3]);
        }
        if (outShape[0] != in[0]) {
            throw ctx.error("output batch " + outShape[0] + " differs from input batch " + in[0]);
        }
        if (outShape[3] != f[0]) {
            throw ctx.error("output depth " + outShape[3] + " differs from the weights' " + f[0] + " output channels");
        }
        long count = (long) outShape[0] * outShape[1] * outShape[2] * outShape[3];
        if (4 * count > Integer.MAX_VALUE) {
            throw ctx.unsupported("output " + Arrays.toString(outShape) + " needs more than 2 GiB of accumulators");
        }
        int outC = f[0];
        byte[] weights = ctx.constant(filter, "weights");
        int[] biasData = new int[0];
        if (bias != null && act == TensorType.INT8 && !isFloat) {
            if (bias.type() != TensorType.INT32) {
                throw ctx.unsupported("bias " + bias.label() + " has type " + bias.type() + ", only INT32 is supported");
            }
            if (bias.quantization() != null && bias.quantization().zeroPoint().length > 0
                    && bias.quantization().zeroPoint()[0] != 0) {
                throw ctx.error("bias " + bias.label() + " has a nonzero zero point");
            }
            biasData = ctx.int32Constant(bias, "bias");
            if (biasData.length != outC) {
                throw ctx.error("bias " + bias.label() + " has " + biasData.length + " values for " + outC
                        + " output channels");
            }
        }
        int padH = pad(padding, outShape[1], f[1], strideH);
        int padW = pad(padding, outShape[2], f[2], strideW);
        if (isFloat) {
            float[] range = FloatActivation.range(ctx, activation);
            return Prepared.of(new TransposeConvFloatParams(in[0], in[1], in[2], in[3], outShape[1], outShape[2],
                    outC, f[1], f[2], strideH, strideW, padH, padW, weights, FloatTensors.bias(ctx, bias, outC),
                    range[0], range[1]), TransposeConvFloatKernel.KERNEL, 2);
        }
        if (act == TensorType.INT16) {
            return int16(ctx, input, filter, bias, output, outShape, outC, weights, activation, strideH, strideW,
                    padH, padW);
        }
        int[][] mult = perChannel(ctx, ctx.scale(input), weightScales(ctx, filter, outC), ctx.scale(output));
        int[] range = ctx.activationRange(activation, output);
        return Prepared.of(new TransposeConvParams(in[0], in[1], in[2], in[3], outShape[1], outShape[2], outC,
                f[1], f[2], strideH, strideW, padH, padW, -ctx.zeroPoint(input), ctx.zeroPoint(output), weights,
                bias != null, biasData, mult[0], mult[1], range[0], range[1]), TransposeConvKernel.KERNEL, 2);
    }

    /** 16x8: zero points 0, an int64 bias or none, int64 accumulators and requantization. */
    private static Prepared int16(OpContext ctx, TensorDef input, TensorDef filter, TensorDef bias, TensorDef output,
                                  int[] outShape, int outC, byte[] weights, int activation, int strideH, int strideW,
                                  int padH, int padW) {
        WideQuantization.requireZeroPoints16(ctx, input, output);
        long count = (long) outShape[0] * outShape[1] * outShape[2] * outShape[3];
        if (8 * count > Integer.MAX_VALUE) {
            throw ctx.unsupported("output " + Arrays.toString(outShape) + " needs more than 2 GiB of accumulators");
        }
        byte[] biasData = WideQuantization.bias(ctx, bias, outC, TensorType.INT64);
        int[][] mult = perChannel(ctx, ctx.scale(input), weightScales(ctx, filter, outC), ctx.scale(output));
        WideQuantization.checkShifts(ctx, mult[1], true);
        int[] range = WideQuantization.activationRange(ctx, activation, output);
        int[] in = input.shape();
        int[] f = filter.shape();
        return Prepared.of(new TransposeConvInt16Params(in[0], in[1], in[2], in[3], outShape[1], outShape[2], outC,
                f[1], f[2], strideH, strideW, padH, padW, weights, bias != null,
                biasData == null ? new byte[0] : biasData, mult[0], mult[1], range[0], range[1]), TransposeConvInt16Kernel.KERNEL, 2);
    }

    /**
     * Leading padding as TFLite's ComputePaddingHeightWidth computes it with the output size in the role
     * of the convolution input (int arithmetic, C truncating division).
     */
    static int pad(int padding, int size, int filter, int stride) {
        int out = padding == SAME ? (size + stride - 1) / stride : (size + stride - filter) / stride;
        int total = (out - 1) * stride + filter - size;
        return total > 0 ? total / 2 : 0;
    }

    static float[] weightScales(OpContext ctx, TensorDef filter, int channels) {
        Quantization q = filter.quantization();
        if (q.scale().length != 1 && q.scale().length != channels) {
            throw ctx.error("weights " + filter.label() + " have " + q.scale().length + " scales for " + channels
                    + " output channels");
        }
        if (q.scale().length > 1 && q.quantizedDimension() != 0) {
            throw ctx.error("weights " + filter.label() + " are quantized along dimension " + q.quantizedDimension()
                    + ", expected 0");
        }
        for (long zp : q.zeroPoint()) {
            if (zp != 0) {
                throw ctx.unsupported("weights " + filter.label() + " have zero point " + zp
                        + "; int8 kernels need symmetric weights (zero point 0)");
            }
        }
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = q.scale().length == 1 ? q.scale(0) : q.scale(c);
            if (!(scales[c] > 0) || Float.isInfinite(scales[c])) {
                throw ctx.error("weights " + filter.label() + " scale " + scales[c] + " of channel " + c
                        + " is not positive and finite");
            }
        }
        return scales;
    }

    /** PopulateConvolutionQuantizationParams: input * weight / output in double, one multiplier per channel. */
    static int[][] perChannel(OpContext ctx, float inputScale, float[] weightScales, float outputScale) {
        int n = weightScales.length;
        int[] multiplier = new int[n];
        int[] shift = new int[n];
        for (int c = 0; c < n; c++) {
            double effective = (double) inputScale * (double) weightScales[c] / (double) outputScale;
            QuantizedMultiplier q = QuantizedMultiplier.of(effective);
            if (q.shift() > 31) {
                throw ctx.unsupported("output multiplier of channel " + c + " is out of range: " + effective);
            }
            multiplier[c] = q.multiplier();
            shift[c] = q.shift();
        }
        return new int[][] {multiplier, shift};
    }
}
