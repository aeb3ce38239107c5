/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sin;

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
 * SIN of FLOAT32 (TFLite: std::sin of a float), the only type TFLite 2.21 takes. See {@link dev.ember4j.ops.elementwise.Trig}.
 */
public final class SinOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SIN;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        TensorDef[] t = Elementwise.tensors(ctx, TensorType.FLOAT32);
        return Elementwise.plain(ctx, t[0], ElementwiseKernel.SIN);
    }
}
