/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.l2normalization;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * L2_NORMALIZATION of an int8 or float32 tensor of rank 1 to 4 along its last axis; an int8 output must
 * be quantized with scale 1/128 and zero point 0, and no fused activation is allowed (as TFLite requires).
 */
public final class L2NormalizationOp implements OperatorSpec {
    private static final int OPTIONS = 12; // BuiltinOptions.L2NormOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.L2_NORMALIZATION;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "L2NormOptions");
        int activation = OpContext.u8(o, 0, 0);
        if (activation != 0) {
            throw ctx.error("fused activation " + activation + " is not allowed (TFLite requires none)");
        }
        if (FloatTensors.isFloat(ctx)) {
            TensorDef in = ctx.input(0);
            TensorDef out = FloatTensors.require(ctx, ctx.output(0), "output");
            int depth = lastDimension(ctx, in, out);
            return Prepared.of(new L2NormalizationParams(in.elementCount() / depth, depth, 0), L2NormalizationFloatKernel.KERNEL, 0);
        }
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.INT8);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8);
        int depth = lastDimension(ctx, in, out);
        if (ctx.scale(out) != 1f / 128 || ctx.zeroPoint(out) != 0) {
            throw ctx.error("output " + out.label() + " has scale " + ctx.scale(out) + " and zero point "
                    + ctx.zeroPoint(out) + "; TFLite requires 1/128 and 0");
        }
        if ((long) depth * 256 * 256 > Integer.MAX_VALUE) {
            throw ctx.unsupported("depth " + depth + " could overflow the int32 sum of squares");
        }
        return Prepared.of(new L2NormalizationParams(in.elementCount() / depth, depth, ctx.zeroPoint(in)), L2NormalizationKernel.KERNEL, 0);
    }

    /** Checks rank 1 to 4 and the output's shape; returns the depth (last dimension). */
    private static int lastDimension(OpContext ctx, TensorDef in, TensorDef out) {
        int[] s = in.shape();
        if (s.length < 1 || s.length > 4) {
            throw ctx.error("input " + in.label() + " has rank " + s.length + ", expected 1 to 4");
        }
        ctx.requireShape(out, s, "output");
        return s[s.length - 1];
    }
}
