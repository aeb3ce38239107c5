/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.pool.PoolParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * AVERAGE_POOL_2D: int8 (a KernelBackend method), int16 (16x8) or uint8
 * ({@link PoolQuantizedKernel}) [N,H,W,C] with
 * Pool2DOptions (see {@link PoolPrepare}).
 */
public final class AveragePool2DOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.AVERAGE_POOL_2D;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        if (PoolPrepare.isFloat(ctx)) {
            return Prepared.of(PoolPrepare.prepareFloat(ctx), PoolFloatKernel.AVERAGE, 0);
        }
        if (PoolPrepare.isPackageKernel(ctx)) {
            return Prepared.of(PoolPrepare.prepareQuantized(ctx), PoolQuantizedKernel.AVERAGE, 0);
        }
        return Prepared.of(PoolPrepare.prepare(ctx), PoolKernels.AVERAGE, 0);
    }
}
