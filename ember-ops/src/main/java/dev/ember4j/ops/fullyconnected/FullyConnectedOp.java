/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fullyconnected;

import dev.ember4j.ops.support.ByInputType;
import dev.ember4j.core.TensorType;
import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.support.Bias;
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

import java.util.Arrays;

/** FULLY_CONNECTED: input [..., D] (flattened to rows of D), weights [O,D], optional bias, output [rows,O]. */
public final class FullyConnectedOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.FULLY_CONNECTED;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 3);
        return ByInputType.prepare(ctx, c -> Prepared.of(params(c), FullyConnectedKernel.KERNEL, 0),
                c -> Prepared.of(quantizedParams(c), FullyConnectedQuantizedKernel.KERNEL, 0), c -> Prepared.of(floatParams(c), FullyConnectedFloatKernel.KERNEL, 0));
    }

    /** float32 input, weights, bias (optional) and output. */
    static FullyConnectedFloatParams floatParams(OpContext ctx) {
        ctx.expectOutputs(1);
        TensorDef input = ctx.input(0);
        TensorDef filter = FloatTensors.weights(ctx, ctx.input(1), "weights");
        TensorDef output = FloatTensors.require(ctx, ctx.output(0), "output");
        Geometry g = geometry(ctx, input, filter, output);
        byte[] bias = FloatTensors.bias(ctx, ctx.optionalInput(2), g.outC());
        float[] range = FloatActivation.range(ctx, g.activation());
        return new FullyConnectedFloatParams(g.rows(), g.depth(), g.outC(), g.weights(), bias, range[0], range[1]);
    }

    private static final int OPTIONS = 8;

    static FullyConnectedParams params(OpContext ctx) {
        ctx.expectInputs(2, 3);
        ctx.expectOutputs(1);
        TensorDef input = ctx.int8(ctx.input(0), "input");
        TensorDef filter = ctx.int8(ctx.input(1), "weights");
        TensorDef bias = ctx.optionalInput(2);
        TensorDef output = ctx.int8(ctx.output(0), "output");
        Geometry g = geometry(ctx, input, filter, output);
        int[] biasData = Bias.read(ctx, bias, g.outC());
        int[][] mult = int8WeightsMultipliers(ctx, input, filter, output, g.outC());
        int[] range = ctx.activationRange(g.activation(), output);
        return new FullyConnectedParams(g.rows(), g.depth(), g.outC(), -ctx.zeroPoint(input), -ctx.zeroPoint(filter),
                ctx.zeroPoint(output), g.weights(), biasData, mult[0], mult[1], range[0], range[1]);
    }

    /**
     * int16 activations with int8 symmetric weights and an int64, int32 or no bias, zero points 0 (16x8);
     * or uint8 activations and weights (one scale and zero point each) with an int32 bias.
     */
    static FullyConnectedQuantizedParams quantizedParams(OpContext ctx) {
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
            biasData = WideQuantization.bias(ctx, bias, outC, TensorType.INT64, TensorType.INT32);
            mult = int8WeightsMultipliers(ctx, input, filter, output, outC);
        } else {
            filterOffset = WideQuantization.uint8WeightsOffset(ctx, filter);
            biasData = WideQuantization.bias(ctx, bias, outC, TensorType.INT32);
            mult = Requantization.perChannel(ctx, ctx.scale(input), new float[] {ctx.scale(filter)}, ctx.scale(output));
        }
        int biasBits = WideQuantization.biasBits(bias);
        WideQuantization.checkShifts(ctx, mult[1], biasBits == 64);
        int[] range = WideQuantization.activationRange(ctx, g.activation(), output);
        return new FullyConnectedQuantizedParams(int16 ? Elem.INT16 : Elem.UINT8, g.rows(), g.depth(), outC,
                -ctx.zeroPoint(input), filterOffset, ctx.zeroPoint(output), g.weights(), biasBits,
                biasData == null ? new byte[0] : biasData, mult[0], mult[1], SINGLE_ROUNDING, range[0], range[1]);
    }

    /** Rows of the flattened input, weights depth, output channels, fused activation code and weights. */
    private record Geometry(int rows, int depth, int outC, int activation, byte[] weights) {}

    /**
     * What every type path checks alike once it has checked the tensors' types: the weights rank, the
     * options, the input's split into rows, the output shape and the constant weights.
     */
    private static Geometry geometry(OpContext ctx, TensorDef input, TensorDef filter, TensorDef output) {
        ctx.requireRank(filter, 2, "weights");
        Table o = ctx.options(OPTIONS, "FullyConnectedOptions");
        int activation = OpContext.u8(o, 0, 0);
        int weightsFormat = OpContext.u8(o, 1, 0);
        boolean keepNumDims = o != null && o.bool(2, false);
        if (weightsFormat != 0) {
            throw ctx.unsupported("weights format " + weightsFormat + " (shuffled weights) is not supported");
        }
        int outC = filter.shape()[0];
        int depth = filter.shape()[1];
        int elements = input.elementCount();
        if (depth <= 0 || elements % depth != 0) {
            throw ctx.error("input " + input.label() + " shape " + input.shapeString()
                    + " cannot be split into rows of the weights depth " + depth);
        }
        int rows = elements / depth;
        int[] expected;
        if (keepNumDims) {
            expected = input.shape().clone();
            if (expected.length == 0 || expected[expected.length - 1] != depth) {
                throw ctx.error("keep_num_dims needs the input's last dimension to equal the weights depth " + depth);
            }
            expected[expected.length - 1] = outC;
        } else {
            expected = new int[] {rows, outC};
        }
        if (!Arrays.equals(output.shape(), expected) && output.elementCount() != (long) rows * outC) {
            throw ctx.error("output " + output.label() + " has shape " + output.shapeString() + ", the operator produces "
                    + Arrays.toString(expected));
        }
        byte[] weights = ctx.constant(filter, "weights");
        return new Geometry(rows, depth, outC, activation, weights);
    }

    /** Multipliers of int8 weights: one per channel when the weights are quantized per channel, else one. */
    private static int[][] int8WeightsMultipliers(OpContext ctx, TensorDef input, TensorDef filter, TensorDef output,
                                                  int outC) {
        float[] weightScales = Requantization.weightScales(ctx, filter, outC);
        return filter.quantization().perChannel()
                ? Requantization.perChannel(ctx, ctx.scale(input), weightScales, ctx.scale(output))
                : Requantization.perChannel(ctx, ctx.scale(input), new float[] {weightScales[0]}, ctx.scale(output));
    }

    /** Whether int32 accumulators requantize with one rounding, as the int8 kernel. */
    static final boolean SINGLE_ROUNDING = true;
}
