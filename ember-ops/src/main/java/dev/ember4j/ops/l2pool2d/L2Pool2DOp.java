/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.l2pool2d;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.Activation;
import dev.ember4j.ops.support.Padding;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * L2_POOL_2D of FLOAT32 [N,H,W,C] (the only type TFLite 2.21's kernel takes), Pool2DOptions padding,
 * strides, filter and fused activation (NONE, RELU, RELU_N1_TO_1, RELU6).
 */
public final class L2Pool2DOp implements OperatorSpec {

    private static final int OPTIONS = 5;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.L2_POOL_2D;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.FLOAT32);
        TensorDef out = ctx.output(0);
        if (out.type() != TensorType.FLOAT32) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", the input FLOAT32");
        }
        ctx.requireRank(in, 4, "input");
        Table o = ctx.options(OPTIONS, "Pool2DOptions");
        int padding = OpContext.u8(o, 0, Padding.SAME);
        int strideW = OpContext.i32(o, 1, 0);
        int strideH = OpContext.i32(o, 2, 0);
        int filterW = OpContext.i32(o, 3, 0);
        int filterH = OpContext.i32(o, 4, 0);
        Activation act = ctx.activation(OpContext.u8(o, 5, 0));
        int[] s = in.shape();
        Padding ph = Padding.of(ctx, padding, s[1], filterH, strideH, 1);
        Padding pw = Padding.of(ctx, padding, s[2], filterW, strideW, 1);
        ctx.requireShape(out, new int[] {s[0], ph.outputSize(), pw.outputSize(), s[3]}, "output");
        // TFLite's CalculateActivationRange<float>
        float lo = switch (act) {
            case RELU, RELU6 -> 0f;
            case RELU_N1_TO_1 -> -1f;
            default -> -Float.MAX_VALUE;
        };
        float hi = switch (act) {
            case RELU6 -> 6f;
            case RELU_N1_TO_1 -> 1f;
            default -> Float.MAX_VALUE;
        };
        return Prepared.of(new L2Pool2DParams(s[0], s[1], s[2], s[3], ph.outputSize(), pw.outputSize(), filterH,
                filterW, ph.stride(), pw.stride(), ph.before(), pw.before(), lo, hi), L2Pool2DKernel.KERNEL, 0);
    }
}
