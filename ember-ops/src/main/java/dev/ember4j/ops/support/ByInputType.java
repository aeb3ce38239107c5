/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.function.Function;

/**
 * The prepare of operators whose kernels differ by input 0's type (CONV_2D, DEPTHWISE_CONV_2D,
 * FULLY_CONNECTED): int8, the wide family (16x8 int16 and uint8, int64 or int32 accumulators), float32.
 */
public final class ByInputType {
    private ByInputType() {}

    public static Prepared prepare(OpContext ctx, Function<OpContext, Prepared> int8,
                                   Function<OpContext, Prepared> wide, Function<OpContext, Prepared> float32) {
        TensorType type = ctx.input(0).type();
        if (type == TensorType.INT16 || type == TensorType.UINT8) {
            return wide.apply(ctx);
        }
        return type == TensorType.FLOAT32 ? float32.apply(ctx) : int8.apply(ctx);
    }
}
