/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.exp;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.elementwise.ElementwiseKernel;
import dev.ember4j.ops.elementwise.Tables;
import dev.ember4j.ops.common.LutKernel;
import dev.ember4j.ops.common.LutParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * EXP. int8 as TFLite 2.21's exp.cc: a 256-entry table built at prepare (LUTPopulate) from
 * {@code std::exp} of the dequantized float. FLOAT32 is plain expf.
 */
public final class ExpOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.EXP;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Elementwise.int8TableOrFloat(ctx, ElementwiseKernel.EXP, ExpOp::table, LutKernel.KERNEL);
    }

    static byte[] table(float inScale, int inZp, float outScale, int outZp) {
        return Tables.int8(inScale, inZp, outScale, outZp, v -> (float) Math.exp(v));
    }
}
