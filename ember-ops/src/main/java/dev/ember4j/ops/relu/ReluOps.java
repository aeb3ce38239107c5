/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.relu;

import dev.ember4j.ops.elementwise.ElementwiseKernel;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** RELU, RELU6 and RELU_N1_TO_1 of int8: requantize to the output scale, clamp to the activation range. */
public final class ReluOps {
    private ReluOps() {}

    /** RELU: [0, +inf). */
    public static final class Relu implements OperatorSpec {
        @Override
        public BuiltinOperator op() {
            return BuiltinOperator.RELU;
        }

        @Override
        public Prepared prepare(OpContext ctx) {
            return ReluX.prepare(ctx, 0.0f, Float.POSITIVE_INFINITY, ElementwiseKernel.RELU);
        }
    }

    /** RELU6: [0, 6]. */
    public static final class Relu6 implements OperatorSpec {
        @Override
        public BuiltinOperator op() {
            return BuiltinOperator.RELU6;
        }

        @Override
        public Prepared prepare(OpContext ctx) {
            return ReluX.prepare(ctx, 0.0f, 6.0f, ElementwiseKernel.RELU6);
        }
    }

    /** RELU_N1_TO_1: [-1, 1]. */
    public static final class ReluN1To1 implements OperatorSpec {
        @Override
        public BuiltinOperator op() {
            return BuiltinOperator.RELU_N1_TO_1;
        }

        @Override
        public Prepared prepare(OpContext ctx) {
            return ReluX.prepare(ctx, -1.0f, 1.0f, ElementwiseKernel.RELU_N1_TO_1);
        }
    }
}
