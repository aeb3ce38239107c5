/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reducemax;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.reduce.ExtremeKernel;
import dev.ember4j.ops.reduce.ExtremeOps;
import dev.ember4j.ops.reduce.ExtremeParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** REDUCE_MAX of an int8 (input and output quantized alike, as TFLite requires) or float32 tensor over constant axes. */
public final class ReduceMaxOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.REDUCE_MAX;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return ExtremeOps.prepare(ctx, true, ExtremeKernel.KERNEL);
    }
}
