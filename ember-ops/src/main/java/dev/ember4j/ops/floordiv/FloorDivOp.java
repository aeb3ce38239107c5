/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floordiv;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.binary.RawBinary;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * FLOOR_DIV of two int8, int16, int32 or float32 tensors (raw values; quantized int8/int16 tensors are
 * refused), broadcasting up to rank 4 (TFLite's BroadcastBinaryFunction4DSlow).
 */
public final class FloorDivOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.FLOOR_DIV;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        RawBinary r = RawBinary.prepare(ctx, "FLOOR_DIV", TensorType.INT8, TensorType.INT16, TensorType.INT32, TensorType.FLOAT32);
        int type = switch (r.type()) {
            case INT8 -> FloorDivKernel.INT8;
            case INT16 -> FloorDivKernel.INT16;
            case INT32 -> FloorDivKernel.INT32;
            case FLOAT32 -> FloorDivKernel.FLOAT32;
            default -> throw new IllegalStateException(r.type().name());
        };
        int[][] st = r.strides();
        int saturateBelow = 0;
        if ((type == FloorDivKernel.INT8 || type == FloorDivKernel.INT16) && r.sameShape()) {
            saturateBelow = r.elements() - r.elements() % 8;
        }
        return Prepared.of(new FloorDivParams(st[0], st[1], st[2], type, saturateBelow), FloorDivKernel.KERNEL, 0, 1);
    }
}
