/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.relu;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.elementwise.ElementwiseKernel;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.ops.common.Int8Lut;
import dev.ember4j.ops.support.Unary;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.Prepared;

/** The prepare shared by RELU, RELU6 and RELU_N1_TO_1 (TFLite's ReluPrepare and QuantizedReluX). */
final class ReluX {
    private ReluX() {}

    /**
     * {@code actMax} infinite means no upper bound but the int8 maximum; a float32 input runs the
     * element-wise float function {@code floatFn} of {@link ElementwiseKernel}.
     */
    static Prepared prepare(OpContext ctx, float actMin, float actMax, int floatFn) {
        if (FloatTensors.isFloat(ctx)) {
            TensorDef in = Elementwise.tensors(ctx, TensorType.FLOAT32)[0];
            return Elementwise.plain(ctx, in, floatFn);
        }
        TensorDef[] t = Unary.int8(ctx);
        TensorDef in = t[0];
        TensorDef out = t[1];
        float inScale = ctx.scale(in);
        float outScale = ctx.scale(out);
        QuantizedMultiplier m = QuantizedMultiplier.of((double) (inScale / outScale));
        int zp = ctx.zeroPoint(out);
        int[] range = range(actMin, actMax, outScale, zp);
        return Prepared.of(new ReluParams(in.elementCount(), ctx.zeroPoint(in), zp, m.multiplier(), m.shift(),
                range[0], range[1]), dev.ember4j.ops.relu.ReluKernel.KERNEL, 0);
    }

    /** The int8 clamp bounds: the zero point plus the float bound over the scale, rounded half away from zero. */
    static int[] range(float actMin, float actMax, float outScale, int zp) {
        long lo = zp + (long) Int8Lut.roundf(actMin / outScale);
        int min = (int) Math.max(-128, lo);
        int max;
        if (actMax == Float.POSITIVE_INFINITY) {
            max = 127;
        } else {
            long hi = zp + (long) Int8Lut.roundf(actMax / outScale);
            max = (int) Math.min(127, hi);
        }
        return new int[] {min, max};
    }
}
