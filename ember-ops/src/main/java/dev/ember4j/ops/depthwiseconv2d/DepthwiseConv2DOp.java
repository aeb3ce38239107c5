/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthwiseconv2d;

import dev.ember4j.ops.support.ByInputType;
import dev.ember4j.core.TensorType;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.support.Bias;
import dev.ember4j.ops.support.Padding;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.ops.support.Requantization;
import dev.ember4j.ops.support.WideQuantization;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** DEPTHWISE_CONV_2D: input [N,H,W,C], weights [1,KH,KW,C*M], optional bias, output [N,OH,OW,C*M]. */
public final class DepthwiseConv2DOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.DEPTHWISE_CONV_2D;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 3);
        return ByInputType.prepare(ctx, c -> Prepared.of(params(c), DepthwiseConv2DKernel.KERNEL, 0),
                c -> Prepared.of(quantizedParams(c), DepthwiseConv2DQuantizedKernel.KERNEL, 0), c -> Prepared.of(floatParams(c), DepthwiseConv2DFloatKernel.KERNEL, 0));
    }

    /** float32 input, weights, bias (optional) and output. */
    static DepthwiseConv2DFloatParams floatParams(OpContext ctx) {
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
        return new DepthwiseConv2DFloatParams(in[0], in[1], in[2], in[3], ph.outputSize(), pw.outputSize(), g.outC(),
                g.multiplier(), g.kh(), g.kw(), ph.stride(), pw.stride(), ph.dilation(), pw.dilation(), ph.before(),
                pw.before(), g.weights(), bias, range[0], range[1]);
    }

    private static final int OPTIONS = 2;

    static DepthwiseConv2DParams params(OpContext ctx) {
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
        return new DepthwiseConv2DParams(in[0], in[1], in[2], in[3], ph.outputSize(), pw.outputSize(), g.outC(),
                g.multiplier(), g.kh(), g.kw(), ph.stride(), pw.stride(), ph.dilation(), pw.dilation(), ph.before(),
                pw.before(), -ctx.zeroPoint(input), ctx.zeroPoint(output), g.weights(), biasData, mult[0], mult[1],
                range[0], range[1]);
    }

    /**
     * int16 activations with int8 symmetric weights and an int64 bias or none, zero points 0 (16x8); or
     * uint8 activations and weights (one scale and zero point each) with an int32 bias.
     */
    static DepthwiseConv2DQuantizedParams quantizedParams(OpContext ctx) {
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
        int filterOffset = 0;
        byte[] biasData;
        int[][] mult;
        if (int16) {
            WideQuantization.requireZeroPoints16(ctx, input, output);
            biasData = WideQuantization.bias(ctx, bias, outC, TensorType.INT64);
            mult = Requantization.perChannel(ctx, ctx.scale(input),
                    Requantization.weightScales(ctx, filter, outC), ctx.scale(output));
        } else {
            filterOffset = WideQuantization.uint8WeightsOffset(ctx, filter);
            biasData = WideQuantization.bias(ctx, bias, outC, TensorType.INT32);
            mult = Requantization.perChannel(ctx, ctx.scale(input), new float[] {ctx.scale(filter)}, ctx.scale(output));
        }
        WideQuantization.checkShifts(ctx, mult[1], int16);
        int[] range = WideQuantization.activationRange(ctx, g.activation(), output);
        int[] in = g.in();
        Padding ph = g.ph();
        Padding pw = g.pw();
        return new DepthwiseConv2DQuantizedParams(int16 ? Elem.INT16 : Elem.UINT8, in[0], in[1], in[2], in[3],
                ph.outputSize(), pw.outputSize(), outC, g.multiplier(), g.kh(), g.kw(), ph.stride(), pw.stride(),
                ph.dilation(), pw.dilation(), ph.before(), pw.before(), -ctx.zeroPoint(input), filterOffset,
                ctx.zeroPoint(output), g.weights(), WideQuantization.biasBits(bias),
                biasData == null ? new byte[0] : biasData, int16, mult[0], mult[1], range[0], range[1]);
    }

    /** Input shape [N,H,W,C], output channels, depth multiplier, kernel size, padding, activation code, weights. */
    private record Geometry(int[] in, int outC, int multiplier, int kh, int kw, Padding ph, Padding pw,
                            int activation, byte[] weights) {}

    /**
     * What every type path checks alike once it has checked the tensors' types: the ranks, the weights
     * shape, the options and depth multiplier, the output shape and the constant weights.
     */
    private static Geometry geometry(OpContext ctx, TensorDef input, TensorDef filter, TensorDef output) {
        ctx.requireRank(input, 4, "input");
        ctx.requireRank(filter, 4, "weights");
        int[] in = input.shape();
        int[] f = filter.shape();
        if (f[0] != 1) {
            throw ctx.error("weights " + filter.label() + " shape " + filter.shapeString() + " must start with 1");
        }
        int outC = f[3];
        Table o = ctx.options(OPTIONS, "DepthwiseConv2DOptions");
        int padding = OpContext.u8(o, 0, Padding.SAME);
        int strideW = OpContext.i32(o, 1, 0);
        int strideH = OpContext.i32(o, 2, 0);
        int declaredMultiplier = OpContext.i32(o, 3, 0);
        int activation = OpContext.u8(o, 4, 0);
        int dilationW = OpContext.i32(o, 5, 1);
        int dilationH = OpContext.i32(o, 6, 1);
        if (in[3] <= 0 || outC % in[3] != 0) {
            throw ctx.error("weights depth " + outC + " is not a multiple of input depth " + in[3]);
        }
        int multiplier = outC / in[3];
        if (declaredMultiplier != 0 && declaredMultiplier != multiplier) {
            throw ctx.error("depth_multiplier " + declaredMultiplier + " does not match weights depth " + outC
                    + " / input depth " + in[3]);
        }
        Padding ph = Padding.of(ctx, padding, in[1], f[1], strideH, dilationH);
        Padding pw = Padding.of(ctx, padding, in[2], f[2], strideW, dilationW);
        ctx.requireShape(output, new int[] {in[0], ph.outputSize(), pw.outputSize(), outC}, "output");
        byte[] weights = ctx.constant(filter, "weights");
        return new Geometry(in, outC, multiplier, f[1], f[2], ph, pw, activation, weights);
    }
}
