/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.log;

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
 * LOG. int8 as TFLite's LogLUTPrepare: a 256-entry table (LUTPopulate) of {@code std::log} of the
 * dequantized float, where values &lt;= 0 map to the float (-128 - zpOut) * outputScale (so to -128).
 * FLOAT32 is plain logf.
 */
public final class LogOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.LOG;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Elementwise.int8TableOrFloat(ctx, ElementwiseKernel.LOG, LogOp::table, LutKernel.KERNEL);
    }

    static byte[] table(float inScale, int inZp, float outScale, int outZp) {
        float outputMin = (float) (-128 - outZp) * outScale;
        return Tables.int8(inScale, inZp, outScale, outZp, v -> v <= 0f ? outputMin : (float) Math.log(v));
    }
}
