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

/** SELECT_V2: condition ? x : y, element types copied as stored. */
public final class SelectV2Op implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SELECT_V2;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(SelectPrepare.prepare(ctx, true), SelectKernel.KERNEL, 0, 1, 2);
    }
}
