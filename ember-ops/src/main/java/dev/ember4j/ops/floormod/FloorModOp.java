/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floormod;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.binary.RawBinary;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * FLOOR_MOD of two int8, int16, int32, int64 or float32 tensors (raw values; quantized int8/int16
 * tensors are refused), broadcasting up to rank 4 (TFLite's BroadcastBinaryFunction4DSlow).
 */
public final class FloorModOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.FLOOR_MOD;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        RawBinary r = RawBinary.prepare(ctx, "FLOOR_MOD", TensorType.INT8, TensorType.INT16, TensorType.INT32, TensorType.INT64, TensorType.FLOAT32);
        int type = switch (r.type()) {
            case INT8 -> FloorModKernel.INT8;
            case INT16 -> FloorModKernel.INT16;
            case INT32 -> FloorModKernel.INT32;
            case INT64 -> FloorModKernel.INT64;
            case FLOAT32 -> FloorModKernel.FLOAT32;
            default -> throw new IllegalStateException(r.type().name());
        };
        int[][] st = r.strides();
        return Prepared.of(new FloorModParams(st[0], st[1], st[2], type), FloorModKernel.KERNEL, 0, 1);
    }
}
