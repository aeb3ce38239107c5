/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pad;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** PADV2: PAD with a constant scalar constant_values input; see {@link PadPrepare}. */
public final class PadV2Op implements OperatorSpec {
    private static final int OPTIONS = 43; // BuiltinOptions.PadV2Options

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.PADV2;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return PadPrepare.prepare(ctx, OPTIONS, "PadV2Options", PadKernel.KERNEL);
    }
}
