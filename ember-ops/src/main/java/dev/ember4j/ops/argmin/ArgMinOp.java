/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.argmin;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.argmax.ArgMinMaxKernel;
import dev.ember4j.ops.argmax.ArgMinMaxParams;
import dev.ember4j.ops.argmax.ArgMinMaxPrepare;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** ARG_MIN: index of the first smallest value along a constant axis (the ARG_MAX kernel, other comparison). */
public final class ArgMinOp implements OperatorSpec {
    private static final int OPTIONS = 57; // BuiltinOptions.ArgMinOptions: output_type

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ARG_MIN;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(ArgMinMaxPrepare.prepare(ctx, OPTIONS, "ArgMinOptions", false), ArgMinMaxKernel.KERNEL, 0);
    }
}
