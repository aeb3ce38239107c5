/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logical;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** LOGICAL_NOT of a BOOL tensor (TFLite 2.21 takes only BOOL). */
public final class LogicalNotOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.LOGICAL_NOT;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        TensorDef[] t = Elementwise.tensors(ctx, TensorType.BOOL);
        return Prepared.of(new NotParams(t[0].elementCount()), LogicalKernel.NOT, 0);
    }
}
