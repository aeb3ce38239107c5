/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.add;

import dev.ember4j.ops.binary.FloatBinary;
import dev.ember4j.ops.binary.FloatBinaryKernel;
import dev.ember4j.core.TensorType;
import dev.ember4j.ops.add.AddParams;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.binary.BinaryShapes;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.support.TypedActivation;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.ops.support.Broadcast;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * ADD of two int8 tensors with numpy broadcasting, both rescaled to twice the larger input scale; int16
 * (16x8) and uint8 tensors run this package's {@link AddQuantizedKernel}.
 */
public final class AddOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ADD;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        if (FloatBinary.applies(ctx)) {
            return FloatBinary.prepare(ctx, FloatBinaryKernel.ADD, OpContext.u8(ctx.options(OPTIONS, "AddOptions"), 0, 0), 6);
        }
        TensorType t = ctx.output(0).type();
        if (t == TensorType.INT16 || t == TensorType.UINT8) {
            return Prepared.of(quantizedParams(ctx, t), AddQuantizedKernel.KERNEL, 0, 1);
        }
        return Prepared.of(params(ctx), AddKernel.KERNEL, 0, 1);
    }

    /** ADD of int16 (left shift 15, or TFLite's power-of-two path) or uint8 (left shift 20) tensors. */
    static AddQuantizedParams quantizedParams(OpContext ctx, TensorType type) {
        TensorDef a = ctx.quantized(ctx.input(0), "input 1", type);
        TensorDef b = ctx.quantized(ctx.input(1), "input 2", type);
        TensorDef output = ctx.quantized(ctx.output(0), "output", type);
        for (TensorDef x : new TensorDef[] {a, b, output}) {
            if (x.quantization().perChannel()) {
                throw ctx.unsupported("per-channel quantized " + x.label() + " is not supported");
            }
            if (type == TensorType.INT16 && ctx.zeroPoint(x) != 0) {
                throw ctx.unsupported("int16 " + x.label() + " has zero point " + ctx.zeroPoint(x)
                        + "; 16x8 quantization needs 0");
            }
        }
        Table o = ctx.options(OPTIONS, "AddOptions");
        int[] range = TypedActivation.range(ctx, OpContext.u8(o, 0, 0), output);
        int[][] st = BinaryShapes.strides(ctx, a, b, output, 4);
        int elem = Elem.of(type);
        float scaleA = ctx.scale(a);
        float scaleB = ctx.scale(b);
        float scaleOut = ctx.scale(output);
        if (type == TensorType.INT16 && OpContext.bool(o, 1, true)) {
            int[] la = checkedLog2(scaleA);
            int[] lb = checkedLog2(scaleB);
            int[] lo = checkedLog2(scaleOut);
            if (la != null && lb != null && lo != null) {
                int s1 = la[0] - lo[0];
                int s2 = lb[0] - lo[0];
                if (!(s1 == 0 || s2 == 0) || s1 > 0 || s2 > 0 || s1 < -31 || s2 < -31) {
                    throw ctx.unsupported("power-of-two int16 ADD with input scales " + scaleA + ", " + scaleB
                            + " and output scale " + scaleOut + " needs one input at the output scale and the "
                            + "other finer (TFLite refuses this)");
                }
                if (!java.util.Arrays.equals(a.shape(), b.shape())) {
                    throw ctx.unsupported("power-of-two int16 ADD of differently shaped inputs " + a.shapeString()
                            + " and " + b.shapeString() + " is not supported (TFLite's kernel does not broadcast)");
                }
                return new AddQuantizedParams(elem, st[0], st[1], st[2], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                        range[0], range[1], true, -s1, -s2);
            }
        }
        int leftShift = type == TensorType.INT16 ? 15 : LEFT_SHIFT;
        double twiceMax = 2 * Math.max(scaleA, scaleB);
        QuantizedMultiplier qa = smallerThanOne(ctx, scaleA / twiceMax);
        QuantizedMultiplier qb = smallerThanOne(ctx, scaleB / twiceMax);
        QuantizedMultiplier qo = smallerThanOne(ctx, twiceMax / (double) ((1 << leftShift) * scaleOut));
        return new AddQuantizedParams(elem, st[0], st[1], st[2], -ctx.zeroPoint(a), -ctx.zeroPoint(b),
                ctx.zeroPoint(output), leftShift, qa.multiplier(), qa.shift(), qb.multiplier(), qb.shift(),
                qo.multiplier(), qo.shift(), range[0], range[1], false, 0, 0);
    }

    /** TFLite's CheckedLog2: {round(log2(x))} when x is within 1e-3 (in log2) of a power of two, else null. */
    static int[] checkedLog2(float x) {
        float log2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
        float rounded = (float) dev.ember4j.core.quant.FixedPoint.roundHalfAwayFromZero(log2);
        return Math.abs(log2 - rounded) < 1e-3f ? new int[] {(int) rounded} : null;
    }

    private static final int OPTIONS = 11;
    /** Headroom TFLite gives int8 inputs before rescaling. */
    private static final int LEFT_SHIFT = 20;

    static AddParams params(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.int8(ctx.input(0), "input 1");
        TensorDef b = ctx.int8(ctx.input(1), "input 2");
        TensorDef output = ctx.int8(ctx.output(0), "output");
        Table o = ctx.options(OPTIONS, "AddOptions");
        int activation = OpContext.u8(o, 0, 0);

        int[][] strides = Broadcast.strides(ctx, a.shape(), b.shape(), output);
        float scaleA = ctx.scale(a);
        float scaleB = ctx.scale(b);
        float scaleOut = ctx.scale(output);
        // Formed as in TFLite: the doubled float max widened to double, the output term divided in float first.
        double twiceMax = 2 * Math.max(scaleA, scaleB);
        double realA = scaleA / twiceMax;
        double realB = scaleB / twiceMax;
        double realOut = twiceMax / (double) ((1 << LEFT_SHIFT) * scaleOut);
        QuantizedMultiplier qa = smallerThanOne(ctx, realA);
        QuantizedMultiplier qb = smallerThanOne(ctx, realB);
        QuantizedMultiplier qo = smallerThanOne(ctx, realOut);
        int[] range = ctx.activationRange(activation, output);
        return new AddParams(strides[0], strides[1], strides[2], -ctx.zeroPoint(a), -ctx.zeroPoint(b),
                ctx.zeroPoint(output), LEFT_SHIFT, qa.multiplier(), qa.shift(), qb.multiplier(), qb.shift(),
                qo.multiplier(), qo.shift(), range[0], range[1]);
    }

    private static QuantizedMultiplier smallerThanOne(OpContext ctx, double real) {
        QuantizedMultiplier q = QuantizedMultiplier.of(real);
        if (!(real > 0 && real < 1) || q.shift() > 0) {
            throw ctx.unsupported("input/output scale ratio " + real + " is out of the range quantized ADD supports");
        }
        return q;
    }
}
