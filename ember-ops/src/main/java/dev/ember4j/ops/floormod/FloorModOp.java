/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floormod;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.binary.BinaryShapes;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
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
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.input(0);
        TensorDef b = ctx.input(1);
        TensorDef out = ctx.output(0);
        int type = switch (a.type()) {
            case INT8 -> FloorModKernel.INT8;
            case INT16 -> FloorModKernel.INT16;
            case INT32 -> FloorModKernel.INT32;
            case INT64 -> FloorModKernel.INT64;
            case FLOAT32 -> FloorModKernel.FLOAT32;
            default -> throw ctx.unsupported("input 1 " + a.label() + " has type " + a.type()
                    + ", supported: INT8, INT16, INT32, INT64, FLOAT32");
        };
        if (b.type() != a.type() || out.type() != a.type()) {
            throw ctx.error("input and output types differ: " + a.type() + ", " + b.type() + " -> " + out.type());
        }
        if (a.type() == TensorType.INT8 || a.type() == TensorType.INT16) {
            for (TensorDef t : new TensorDef[] {a, b, out}) {
                if (t.quantization() != null) {
                    throw ctx.unsupported(t.label() + " is quantized " + t.type()
                            + "; only unquantized integer FLOOR_MOD is supported");
                }
            }
        }
        int[][] st = BinaryShapes.strides(ctx, a, b, out, 4);
        return Prepared.of(new FloorModParams(st[0], st[1], st[2], type), FloorModKernel.KERNEL, 0, 1);
    }
}
