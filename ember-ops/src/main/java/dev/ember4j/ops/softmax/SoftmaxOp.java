/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.softmax;

import dev.ember4j.core.TensorType;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.common.Int16Lut;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.softmax.SoftmaxParams;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** SOFTMAX over the last dimension; int8 output must be scale 1/256, zero point -128. */
public final class SoftmaxOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SOFTMAX;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorType it = ctx.input(0).type();
        TensorType ot = ctx.output(0).type();
        if (it == TensorType.INT16) {
            return Prepared.of(int16Params(ctx), SoftmaxInt16Kernel.KERNEL, 0);
        }
        if (it == TensorType.FLOAT32) {
            return Prepared.of(floatParams(ctx), SoftmaxFloatKernel.KERNEL, 0);
        }
        if (it == TensorType.UINT8 || ot == TensorType.INT16 || ot == TensorType.UINT8) {
            return Prepared.of(quantizedParams(ctx), SoftmaxQuantizedKernel.KERNEL, 0);
        }
        return Prepared.of(params(ctx), SoftmaxKernel.KERNEL, 0);
    }

    static SoftmaxFloatParams floatParams(OpContext ctx) {
        TensorDef input = ctx.input(0);
        TensorDef output = FloatTensors.require(ctx, ctx.output(0), "output");
        int[] g = geometry(ctx, input, output);
        Table o = ctx.options(OPTIONS, "SoftmaxOptions");
        float beta = o == null ? 0f : o.f32(0, 0f);
        return new SoftmaxFloatParams(g[0], g[1], beta);
    }

    static SoftmaxQuantizedParams quantizedParams(OpContext ctx) {
        TensorDef input = ctx.quantized(ctx.input(0), "input", TensorType.INT8, TensorType.UINT8);
        TensorType want = input.type() == TensorType.INT8 ? TensorType.INT16 : TensorType.UINT8;
        TensorDef output = ctx.quantized(ctx.output(0), "output", want);
        if (input.quantization().perChannel() || output.quantization().perChannel()) {
            throw ctx.unsupported("per-channel quantized activations are not supported");
        }
        if (input.type() == TensorType.UINT8
                && (ctx.zeroPoint(output) != 0 || Math.abs(ctx.scale(output) - 1f / 256) > 0.001f / 256)) {
            throw ctx.unsupported("uint8 softmax output must have scale 1/256 and zero point 0, got scale "
                    + ctx.scale(output) + " zero point " + ctx.zeroPoint(output));
        }
        int[] g = geometry(ctx, input, output);
        int[] m = multiplier(ctx, input);
        return new SoftmaxQuantizedParams(g[0], g[1], m[0], m[1], m[2], Elem.of(input.type()), Elem.of(output.type()));
    }

    static SoftmaxInt16Params int16Params(OpContext ctx) {
        TensorDef input = ctx.quantized(ctx.input(0), "input", TensorType.INT16);
        TensorDef output = ctx.quantized(ctx.output(0), "output", TensorType.INT16);
        if (input.quantization().perChannel() || output.quantization().perChannel()) {
            throw ctx.unsupported("per-channel quantized activations are not supported");
        }
        if (ctx.zeroPoint(input) != 0 || ctx.zeroPoint(output) != 0) {
            throw ctx.unsupported("int16 softmax needs zero points 0, got " + ctx.zeroPoint(input) + " and "
                    + ctx.zeroPoint(output));
        }
        if (input.shape().length > 4) {
            throw ctx.unsupported("int16 softmax of rank " + input.shape().length + " (TFLite: 1 to 4)");
        }
        int[] g = geometry(ctx, input, output);
        Table o = ctx.options(OPTIONS, "SoftmaxOptions");
        float beta = o == null ? 0f : o.f32(0, 0f);
        // float scale times float beta, then divided in double, as TFLite.
        double real = (double) (ctx.scale(input) * beta) / (10.0 / 65535.0);
        if (!(real > 0) || Double.isInfinite(real)) {
            throw ctx.unsupported("beta " + beta + " x input scale " + ctx.scale(input) + " is not positive");
        }
        QuantizedMultiplier q = QuantizedMultiplier.of(real);
        if (q.shift() > 30) {
            throw ctx.unsupported("beta " + beta + " x input scale " + ctx.scale(input) + " is too large");
        }
        float range = 65535f;
        int[] exp = Int16Lut.populate(10.0f / range, 32767, 2.0f / range, 0, v -> (float) Math.exp(v));
        int[] recip = Int16Lut.populate(1.0f / range, -32768, 2.0f / range, 0, v -> 1.0f / (1.0f + v));
        return new SoftmaxInt16Params(g[0], g[1], q.multiplier(), q.shift(), exp, recip);
    }

    /** {outer size, depth}, the output shaped as the input. */
    private static int[] geometry(OpContext ctx, TensorDef input, TensorDef output) {
        if (input.shape().length == 0) {
            throw ctx.error("input " + input.label() + " is a scalar");
        }
        ctx.requireShape(output, input.shape(), "output");
        int depth = input.shape()[input.shape().length - 1];
        return new int[] {input.elementCount() / depth, depth};
    }

    /** {input multiplier, left shift, diff min} of the 8-bit path (TFLite's PreprocessSoftmaxScaling). */
    private static int[] multiplier(OpContext ctx, TensorDef input) {
        Table o = ctx.options(OPTIONS, "SoftmaxOptions");
        float beta = o == null ? 0f : o.f32(0, 0f);
        double real = Math.min((double) beta * (double) ctx.scale(input) * (double) (1L << (31 - SCALED_DIFF_INTEGER_BITS)),
                (double) ((1L << 31) - 1));
        QuantizedMultiplier q = QuantizedMultiplier.greaterThanOne(real);
        if (!(real > 1.0) || q.shift() < 0 || q.shift() > 31) {
            throw ctx.unsupported("beta " + beta + " x input scale " + ctx.scale(input)
                    + " is too small for the fixed-point softmax");
        }
        double maxRescaled = 1.0 * ((1 << SCALED_DIFF_INTEGER_BITS) - 1)
                * (double) (1L << (31 - SCALED_DIFF_INTEGER_BITS)) / (double) (1L << q.shift());
        return new int[] {q.multiplier(), q.shift(), (int) (-1.0 * Math.floor(maxRescaled))};
    }

    private static final int OPTIONS = 9;
    /** Integer bits of the scaled input differences (Q5.26), as TFLite. */
    private static final int SCALED_DIFF_INTEGER_BITS = 5;

    static SoftmaxParams params(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef input = ctx.int8(ctx.input(0), "input");
        TensorDef output = ctx.int8(ctx.output(0), "output");
        if (input.shape().length == 0) {
            throw ctx.error("input " + input.label() + " is a scalar");
        }
        ctx.requireShape(output, input.shape(), "output");
        if (ctx.zeroPoint(output) != -128 || Math.abs(ctx.scale(output) - 1f / 256) > 0.001f / 256) {
            throw ctx.unsupported("int8 softmax output must have scale 1/256 and zero point -128, got scale "
                    + ctx.scale(output) + " zero point " + ctx.zeroPoint(output));
        }
        Table o = ctx.options(OPTIONS, "SoftmaxOptions");
        float beta = o == null ? 0f : o.f32(0, 0f);
        int depth = input.shape()[input.shape().length - 1];
        if (depth <= 0) {
            throw ctx.error("input " + input.label() + " has an empty last dimension");
        }
        int outer = input.elementCount() / depth;

        double real = Math.min((double) beta * (double) ctx.scale(input) * (double) (1L << (31 - SCALED_DIFF_INTEGER_BITS)),
                (double) ((1L << 31) - 1));
        QuantizedMultiplier q = QuantizedMultiplier.greaterThanOne(real);
        if (!(real > 1.0) || q.shift() < 0 || q.shift() > 31) {
            throw ctx.unsupported("beta " + beta + " x input scale " + ctx.scale(input)
                    + " is too small for the fixed-point softmax");
        }
        // Largest input difference still representable after the left shift, as TFLite's CalculateInputRadius.
        double maxRescaled = 1.0 * ((1 << SCALED_DIFF_INTEGER_BITS) - 1)
                * (double) (1L << (31 - SCALED_DIFF_INTEGER_BITS)) / (double) (1L << q.shift());
        int diffMin = (int) (-1.0 * Math.floor(maxRescaled));
        return new SoftmaxParams(outer, depth, q.multiplier(), q.shift(), diffMin);
    }
}
