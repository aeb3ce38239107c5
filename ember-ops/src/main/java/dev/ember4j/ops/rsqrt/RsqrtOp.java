/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.rsqrt;

import dev.ember4j.ops.common.InvSqrt;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.elementwise.CheckedLutKernel;
import dev.ember4j.ops.elementwise.CheckedLutParams;
import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.elementwise.ElementwiseKernel;
import dev.ember4j.ops.elementwise.Tables;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * RSQRT. int8 as TFLite's RsqrtEvalQuantizedInt8, folded into a table at prepare: the integer inverse
 * square root of {@code x - zpIn} (GetInvSqrtQuantizedMultiplierExp), rescaled with 20 extra bits by the
 * multiplier 1 / (sqrtf(inputScale) * outputScale); {@code x == zpIn} gives 127. TFLite fails the
 * invocation on an input below the zero point; this kernel reads it as the zero point (giving the maximum). FLOAT32 is {@code 1.f / sqrtf(x)}.
 */
public final class RsqrtOp implements OperatorSpec {
    private static final int SHIFT = 20;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.RSQRT;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Elementwise.checkedInt8TableOrFloat(ctx, ElementwiseKernel.RSQRT, RsqrtOp::table, CheckedLutKernel.KERNEL,
                BuiltinOperator.RSQRT.ordinal());
    }

    static byte[] table(float inScale, int inZp, float outScale, int outZp) {
        // sqrt of a float is a float; its product with the output scale too; 1. / that is a double.
        double real = 1.0 / (double) ((float) Math.sqrt(inScale) * outScale);
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        return Tables.of(x -> {
            int value = x - inZp;
            if (value < 0) {
                return 0; // never read: the kernel reads inputs below the zero point as the zero point
            }
            if (value == 0) {
                return 127;
            }
            long inv = InvSqrt.packed(value); // the table is built once, at prepare
            int data = FixedPoint.multiplyByQuantizedMultiplier(1, (int) (inv >> 32), (int) inv + SHIFT);
            int r = FixedPoint.multiplyByQuantizedMultiplier(data, m.multiplier(), m.shift() - SHIFT) + outZp;
            return Math.max(-128, Math.min(127, r));
        });
    }
}
