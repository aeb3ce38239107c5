/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.round;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.elementwise.ElementwiseKernel;
import dev.ember4j.ops.elementwise.ElementwiseParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * ROUND of FLOAT32: TFLite's RoundToNearest (half to even, as floor-then-adjust; see {@link ElementwiseKernel}). TFLite 2.21's BUILTIN_REF resolver has no ROUND: the goldens come from its builtin kernel (float32 only).
 */
public final class RoundOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ROUND;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        TensorDef[] t = Elementwise.tensors(ctx, TensorType.FLOAT32);
        return Elementwise.plain(ctx, t[0], ElementwiseKernel.ROUND);
    }
}
