/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.argmax;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** ARG_MAX: index of the first largest value along a constant axis; see {@link ArgMinMaxPrepare}. */
public final class ArgMaxOp implements OperatorSpec {
    private static final int OPTIONS = 40; // BuiltinOptions.ArgMaxOptions: output_type

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ARG_MAX;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(ArgMinMaxPrepare.prepare(ctx, OPTIONS, "ArgMaxOptions", true), ArgMinMaxKernel.KERNEL, 0);
    }
}
