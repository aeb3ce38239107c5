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

/** PAD: constant paddings, padding with the output zero point (quantized) or zero; see {@link PadPrepare}. */
public final class PadOp implements OperatorSpec {
    private static final int OPTIONS = 22; // BuiltinOptions.PadOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.PAD;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return PadPrepare.prepare(ctx, OPTIONS, "PadOptions", PadKernel.KERNEL);
    }
}
