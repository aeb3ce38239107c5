/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.abs;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.elementwise.ElementwiseKernel;
import dev.ember4j.ops.elementwise.Tables;
import dev.ember4j.ops.common.LutKernel;
import dev.ember4j.ops.common.LutParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * ABS. int8 as TFLite's AbsEvalQuantized, folded into a 256-entry table at prepare: {@code |x - zpIn|},
 * plus the output zero point when both scales are equal, else requantized by inputScale / outputScale
 * (a float quotient); clamped to int8. FLOAT32 and INT32 are plain.
 */
public final class AbsOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ABS;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        TensorDef[] t = Elementwise.tensors(ctx, TensorType.INT8, TensorType.FLOAT32, TensorType.INT32);
        TensorDef in = t[0];
        TensorDef out = t[1];
        if (in.type() != TensorType.INT8) {
            return Elementwise.plain(ctx, in, ElementwiseKernel.ABS);
        }
        return Prepared.of(new LutParams(in.elementCount(), table(ctx.scale(in), ctx.zeroPoint(in),
                ctx.scale(out), ctx.zeroPoint(out))), LutKernel.KERNEL, 0);
    }

    static byte[] table(float inScale, int inZp, float outScale, int outZp) {
        boolean rescale = inScale != outScale;
        QuantizedMultiplier m = QuantizedMultiplier.of((double) (inScale / outScale));
        return Tables.of(x -> {
            int value = Math.abs(x - inZp);
            int r = rescale ? FixedPoint.multiplyByQuantizedMultiplier(value, m.multiplier(), m.shift()) + outZp
                    : value + outZp;
            return Math.max(-128, Math.min(127, r));
        });
    }
}
