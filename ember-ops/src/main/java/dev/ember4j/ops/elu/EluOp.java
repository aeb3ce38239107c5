/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elu;

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
 * ELU. int8 as TFLite's EluPrepare: a 256-entry table (LUTPopulate) of {@code x < 0 ? expm1(x) : x}
 * in float. FLOAT32 is the same expression per element. TensorFlow 2.21's BUILTIN_REF resolver has no
 * ELU; its builtin kernel is this one whatever the resolver.
 */
public final class EluOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ELU;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Elementwise.int8TableOrFloat(ctx, ElementwiseKernel.ELU, EluOp::table, LutKernel.KERNEL);
    }

    static byte[] table(float inScale, int inZp, float outScale, int outZp) {
        return Tables.int8(inScale, inZp, outScale, outZp, v -> v < 0f ? (float) Math.expm1(v) : v);
    }
}
