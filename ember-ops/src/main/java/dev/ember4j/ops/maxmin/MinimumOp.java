/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.maxmin;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** MINIMUM of two tensors of one type (int8, uint8, int16, int32, int64, float32), broadcasting up to rank 5. */
public final class MinimumOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.MINIMUM;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(MaxMinPrepare.prepare(ctx, false), MaxMinKernel.KERNEL, 0, 1);
    }
}
