/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logical;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** LOGICAL_AND of two BOOL tensors, broadcasting up to rank 4 (TFLite 2.21 takes only BOOL). */
public final class LogicalAndOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.LOGICAL_AND;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(LogicalPrepare.prepare(ctx, false), LogicalKernel.KERNEL, 0, 1);
    }
}
