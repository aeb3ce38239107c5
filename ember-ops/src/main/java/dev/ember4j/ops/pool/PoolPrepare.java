/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.core.TensorType;
import dev.ember4j.ops.pool.PoolParams;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.ops.support.Padding;
import dev.ember4j.ops.support.TypedActivation;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;

/** AVERAGE_POOL_2D and MAX_POOL_2D: int8, int16 or uint8 input [N,H,W,C], output [N,OH,OW,C] with the input's quantization. */
final class PoolPrepare {
    private static final int OPTIONS = 5;

    private PoolPrepare() {}

    /** Whether this package's kernel runs the operator: int16 (16x8) or uint8 input. */
    static boolean isPackageKernel(OpContext ctx) {
        ctx.expectInputs(1, 1);
        TensorType t = ctx.input(0).type();
        return t == TensorType.INT16 || t == TensorType.UINT8;
    }

    /** Whether the float32 kernel of this package runs the operator. */
    static boolean isFloat(OpContext ctx) {
        ctx.expectInputs(1, 1);
        return ctx.input(0).type() == TensorType.FLOAT32;
    }

    /** float32 input and output. */
    static PoolFloatParams prepareFloat(OpContext ctx) {
        ctx.expectOutputs(1);
        TensorDef input = ctx.input(0);
        TensorDef output = FloatTensors.require(ctx, ctx.output(0), "output");
        int[] g = geometry(ctx, input, output);
        float[] range = FloatActivation.range(ctx, g[6]);
        int[] in = input.shape();
        return new PoolFloatParams(in[0], in[1], in[2], in[3], g[0], g[1], g[2], g[3], g[4], g[5], g[7], g[8],
                range[0], range[1]);
    }

    static PoolParams prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef input = ctx.int8(ctx.input(0), "input");
        TensorDef output = ctx.int8(ctx.output(0), "output");
        int[] g = geometry(ctx, input, output);
        int[] range = ctx.activationRange(g[6], output);
        return new PoolParams(input.shape()[0], input.shape()[1], input.shape()[2], input.shape()[3], g[0], g[1],
                g[2], g[3], g[4], g[5], g[7], g[8], range[0], range[1]);
    }

    /** int16 (16x8: zero point 0) or uint8 pooling, input and output of one type and quantization. */
    static PoolQuantizedParams prepareQuantized(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef input = ctx.quantized(ctx.input(0), "input", TensorType.INT16, TensorType.UINT8);
        TensorDef output = ctx.quantized(ctx.output(0), "output", input.type());
        if (input.type() == TensorType.INT16 && (ctx.zeroPoint(input) != 0 || ctx.zeroPoint(output) != 0)) {
            throw ctx.unsupported("int16 pooling needs zero point 0 (input " + ctx.zeroPoint(input) + ", output "
                    + ctx.zeroPoint(output) + ")");
        }
        int[] g = geometry(ctx, input, output);
        int[] range = TypedActivation.range(ctx, g[6], output);
        int[] in = input.shape();
        return new PoolQuantizedParams(Elem.of(input.type()), in[0], in[1], in[2], in[3], g[0], g[1], g[2], g[3],
                g[4], g[5], g[7], g[8], range[0], range[1]);
    }

    /** {outH, outW, filterH, filterW, strideH, strideW, activation, padTop, padLeft}. */
    private static int[] geometry(OpContext ctx, TensorDef input, TensorDef output) {
        ctx.requireRank(input, 4, "input");
        if (ctx.scale(input) != ctx.scale(output) || ctx.zeroPoint(input) != ctx.zeroPoint(output)) {
            throw ctx.unsupported("input and output quantization differ (scale " + ctx.scale(input) + " zero point "
                    + ctx.zeroPoint(input) + " vs " + ctx.scale(output) + " " + ctx.zeroPoint(output)
                    + "); quantized pooling does not requantize");
        }
        Table o = ctx.options(OPTIONS, "Pool2DOptions");
        int padding = OpContext.u8(o, 0, Padding.SAME);
        int strideW = OpContext.i32(o, 1, 0);
        int strideH = OpContext.i32(o, 2, 0);
        int filterW = OpContext.i32(o, 3, 0);
        int filterH = OpContext.i32(o, 4, 0);
        int activation = OpContext.u8(o, 5, 0);
        int[] in = input.shape();
        Padding ph = Padding.of(ctx, padding, in[1], filterH, strideH, 1);
        Padding pw = Padding.of(ctx, padding, in[2], filterW, strideW, 1);
        ctx.requireShape(output, new int[] {in[0], ph.outputSize(), pw.outputSize(), in[3]}, "output");
        return new int[] {ph.outputSize(), pw.outputSize(), filterH, filterW, ph.stride(), pw.stride(), activation,
                ph.before(), pw.before()};
    }
}
