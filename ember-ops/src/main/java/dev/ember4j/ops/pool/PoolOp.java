/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * AVERAGE_POOL_2D and MAX_POOL_2D: int8, int16 (16x8) or uint8 (input and output quantized alike), or
 * float32; the two share their prepare and differ in their kernels.
 */
public final class PoolOp implements OperatorSpec {
    private final BuiltinOperator op;
    private final OpKernel<PoolParams> int8;
    private final OpKernel<PoolQuantizedParams> wide;
    private final OpKernel<PoolFloatParams> float32;

    private PoolOp(BuiltinOperator op, OpKernel<PoolParams> int8, OpKernel<PoolQuantizedParams> wide,
                   OpKernel<PoolFloatParams> float32) {
        this.op = op;
        this.int8 = int8;
        this.wide = wide;
        this.float32 = float32;
    }

    public static PoolOp average() {
        return new PoolOp(BuiltinOperator.AVERAGE_POOL_2D, PoolKernels.AVERAGE, PoolQuantizedKernel.AVERAGE,
                PoolFloatKernel.AVERAGE);
    }

    public static PoolOp max() {
        return new PoolOp(BuiltinOperator.MAX_POOL_2D, PoolKernels.MAX, PoolQuantizedKernel.MAX, PoolFloatKernel.MAX);
    }

    @Override
    public BuiltinOperator op() {
        return op;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        if (PoolPrepare.isFloat(ctx)) {
            return Prepared.of(PoolPrepare.prepareFloat(ctx), float32, 0);
        }
        if (PoolPrepare.isPackageKernel(ctx)) {
            return Prepared.of(PoolPrepare.prepareQuantized(ctx), wide, 0);
        }
        return Prepared.of(PoolPrepare.prepare(ctx), int8, 0);
    }
}
