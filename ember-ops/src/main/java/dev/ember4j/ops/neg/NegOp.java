/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.neg;

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
 * NEG of FLOAT32, INT32 or INT64 (TFLite's reference Negate; int minimum wraps). TFLite has no
 * quantized NEG: the converter keeps an int8 model's NEG in float between DEQUANTIZE and QUANTIZE.
 */
public final class NegOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.NEG;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        TensorDef[] t = Elementwise.tensors(ctx, TensorType.FLOAT32, TensorType.INT32, TensorType.INT64);
        return Elementwise.plain(ctx, t[0], ElementwiseKernel.NEG);
    }
}
