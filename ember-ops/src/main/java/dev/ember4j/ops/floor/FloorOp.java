/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floor;

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
 * FLOOR of FLOAT32 (std::floor), the only type TFLite 2.21's kernel takes (float16/bfloat16 aside).
 */
public final class FloorOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.FLOOR;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        TensorDef[] t = Elementwise.tensors(ctx, TensorType.FLOAT32);
        return Elementwise.plain(ctx, t[0], ElementwiseKernel.FLOOR);
    }
}
