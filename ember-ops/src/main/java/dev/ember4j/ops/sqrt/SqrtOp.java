/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sqrt;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.elementwise.CheckedLutKernel;
import dev.ember4j.ops.elementwise.CheckedLutParams;
import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.elementwise.ElementwiseKernel;
import dev.ember4j.ops.elementwise.Tables;
import dev.ember4j.ops.elementwise.X86;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * SQRT. int8 as TFLite's SqrtEvalQuantized, folded into a table at prepare: dequantize in float,
 * sqrtf, divide by the output scale in float, truncate to int, add the output zero point, clamp.
 * TFLite fails the invocation on an input below the zero point (a negative value); this kernel reads it as the zero point.
 * FLOAT32 is plain sqrtf.
 */
public final class SqrtOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SQRT;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Elementwise.checkedInt8TableOrFloat(ctx, ElementwiseKernel.SQRT, SqrtOp::table, CheckedLutKernel.KERNEL,
                BuiltinOperator.SQRT.ordinal());
    }

    static byte[] table(float inScale, int inZp, float outScale, int outZp) {
        return Tables.of(x -> {
            float dequantized = inScale * (float) (x - inZp);
            if (!(dequantized >= 0f)) {
                return 0; // never read: the kernel reads inputs below the zero point as the zero point
            }
            float root = (float) Math.sqrt(dequantized);
            int q = X86.toInt32(root / outScale) + outZp; // wraps like the C++ int addition
            return Math.max(-128, Math.min(127, q));
        });
    }
}
