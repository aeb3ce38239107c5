/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.comparison;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** LESS into BOOL; int8/uint8 inputs rescaled as TFLite's comparisons.cc, 4-D broadcasting. */
public final class LessOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.LESS;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(ComparisonPrepare.prepare(ctx, ComparisonKernel.LESS), ComparisonKernel.KERNEL, 0, 1);
    }
}
