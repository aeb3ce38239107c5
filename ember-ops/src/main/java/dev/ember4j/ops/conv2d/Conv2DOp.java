/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.conv2d;

import dev.ember4j.ops.support.ByInputType;
import dev.ember4j.core.TensorType;
import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.support.Bias;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.ops.support.Padding;
import dev.ember4j.ops.support.Requantization;
import dev.ember4j.ops.support.WideQuantization;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** CONV_2D: input [N,H,W,C], weights [O,KH,KW,C], optional int32 bias [O], output [N,OH,OW,O]. */
public final class Conv2DOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.CONV_2D;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 3);
        return ByInputType.prepare(ctx, c -> Prepared.of(params(c), Conv2DKernel.KERNEL, 0),
                c -> Prepared.of(quantizedParams(c), Conv2DQuantizedKernel.KERNEL, 0), c -> Prepared.of(floatParams(c), Conv2DFloatKernel.KERNEL, 0));
    }

    /** float32 input, weights, bias (optional) and output. */
    static Conv2DFloatParams floatParams(OpContext ctx) {
        ctx.expectOutputs(1);
        TensorDef input = ctx.input(0);
        TensorDef filter = FloatTensors.weights(ctx, ctx.input(1), "weights");
        TensorDef output = FloatTensors.require(ctx, ctx.output(0), "output");
        Geometry g = geometry(ctx, input, filter, output);
        byte[] bias = FloatTensors.bias(ctx, ctx.optionalInput(2), g.outC());
        float[] range = FloatActivation.range(ctx, g.activation());
        int[] in = g.in();
        Padding ph = g.ph();
        Padding pw = g.pw();
        return new Conv2DFloatParams(in[0], in[1], in[2], in[3], ph.outputSize(), pw.outputSize(), g.outC(), g.kh(),
                g.kw(), ph.stride(), pw.stride(), ph.dilation(), pw.dilation(), ph.before(), pw.before(), g.weights(),
                bias, range[0], range[1]);
    }

    private static final int OPTIONS = 1;

    static Conv2DParams params(OpContext ctx) {
        ctx.expectInputs(2, 3);
        ctx.expectOutputs(1);
        TensorDef input = ctx.int8(ctx.input(0), "input");
        TensorDef filter = ctx.int8(ctx.input(1), "weights");
        TensorDef bias = ctx.optionalInput(2);
        TensorDef output = ctx.int8(ctx.output(0), "output");
        Geometry g = geometry(ctx, input, filter, output);
        int[] biasData = Bias.read(ctx, bias, g.outC());
        int[][] mult = Requantization.perChannel(ctx, ctx.scale(input),
                Requantization.weightScales(ctx, filter, g.outC()), ctx.scale(output));
        int[] range = ctx.activationRange(g.activation(), output);
        int[] in = g.in();
        Padding ph = g.ph();
        Padding pw = g.pw();
        return new Conv2DParams(in[0], in[1], in[2], in[3], ph.outputSize(), pw.outputSize(), g.outC(), g.kh(), g.kw(),
                ph.stride(), pw.stride(), ph.dilation(), pw.dilation(), ph.before(), pw.before(),
                -ctx.zeroPoint(input), ctx.zeroPoint(output), g.weights(), biasData, mult[0], mult[1], range[0],
                range[1]);
    }

    /**
     * int16 activations with int8 symmetric weights (per-channel or per-tensor) and an int64, int32 or no
     * bias, zero points 0 (TFLite's 16x8 CONV_2D); or uint8 activations and weights (one scale and zero
     * point each) with an int32 bias and one multiplier (TFLite's legacy uint8 path).
     */
    static Conv2DQuantizedParams quantizedParams(OpContext ctx) {
        ctx.expectOutputs(1);
        TensorDef input = ctx.input(0);
        boolean int16 = input.type() == TensorType.INT16;
        TensorType act = int16 ? TensorType.INT16 : TensorType.UINT8;
        ctx.quantized(input, "input", act);
        TensorDef filter = ctx.quantized(ctx.input(1), "weights", int16 ? TensorType.INT8 : TensorType.UINT8);
        TensorDef bias = ctx.optionalInput(2);
        TensorDef output = ctx.quantized(ctx.output(0), "output", act);
        Geometry g = geometry(ctx, input, filter, output);
        int outC = g.outC();
        int[][] mult;
        int filterOffset = 0;
        byte[] biasData;
        if (int16) {
            WideQuantization.requireZeroPoints16(ctx, input, output);
            biasData = WideQuantization.bias(ctx, bias, outC, TensorType.INT64, TensorType.INT32);
            mult = Requantization.perChannel(ctx, ctx.scale(input),
                    Requantization.weightScales(ctx, filter, outC), ctx.scale(output));
        } else {
            filterOffset = WideQuantization.uint8WeightsOffset(ctx, filter);
            biasData = WideQuantization.bias(ctx, bias, outC, TensorType.INT32);
            // GetQuantizedConvolutionMultipler: input scale x weight scale / output scale, all in double
            mult = Requantization.perChannel(ctx, ctx.scale(input), new float[] {ctx.scale(filter)}, ctx.scale(output));
        }
        int biasBits = WideQuantization.biasBits(bias);
        WideQuantization.checkShifts(ctx, mult[1], biasBits == 64);
        int[] range = WideQuantization.activationRange(ctx, g.activation(), output);
        int[] in = g.in();
        Padding ph = g.ph();
        Padding pw = g.pw();
        return new Conv2DQuantizedParams(int16 ? Elem.INT16 : Elem.UINT8, in[0], in[1], in[2], in[3],
                ph.outputSize(), pw.outputSize(), outC, g.kh(), g.kw(), ph.stride(), pw.stride(), ph.dilation(),
                pw.dilation(), ph.before(), pw.before(), -ctx.zeroPoint(input), filterOffset, ctx.zeroPoint(output),
                g.weights(), biasBits, biasData == null ? new byte[0] : biasData, mult[0], mult[1], range[0], range[1]);
    }

    /** Input shape [N,H,W,C], output channels, kernel size, padding, fused activation code and weights. */
    private record Geometry(int[] in, int outC, int kh, int kw, Padding ph, Padding pw, int activation,
                            byte[] weights) {}

    /**
     * What every type path checks alike once it has checked the tensors' types: the ranks, the weights
     * depth, the options, the output shape and the constant weights.
     */
    private static Geometry geometry(OpContext ctx, TensorDef input, TensorDef filter, TensorDef output) {
        ctx.requireRank(input, 4, "input");
        ctx.requireRank(filter, 4, "weights");
        int[] in = input.shape();
        int[] f = filter.shape();
        if (f[3] != in[3]) {
            throw ctx.unsupported("weights depth " + f[3] + " differs from input depth " + in[3]
                    + " (grouped convolution is not supported)");
        }
        Table o = ctx.options(OPTIONS, "Conv2DOptions");
        int padding = OpContext.u8(o, 0, Padding.SAME);
        int strideW = OpContext.i32(o, 1, 0);
        int strideH = OpContext.i32(o, 2, 0);
        int activation = OpContext.u8(o, 3, 0);
        int dilationW = OpContext.i32(o, 4, 1);
        int dilationH = OpContext.i32(o, 5, 1);
        Padding ph = Padding.of(ctx, padding, in[1], f[1], strideH, dilationH);
        Padding pw = Padding.of(ctx, padding, in[2], f[2], strideW, dilationW);
        int outC = f[0];
        ctx.requireShape(output, new int[] {in[0], ph.outputSize(), pw.outputSize(), outC}, "output");
        byte[] weights = ctx.constant(filter, "weights");
        return new Geometry(in, outC, f[1], f[2], ph, pw, activation, weights);
    }
}
