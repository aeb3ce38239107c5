/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.select;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** SELECT: condition ? x : y, element types copied as stored. */
public final class SelectOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SELECT;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(SelectPrepare.prepare(ctx, false), SelectKernel.KERNEL, 0, 1, 2);
    }
}
