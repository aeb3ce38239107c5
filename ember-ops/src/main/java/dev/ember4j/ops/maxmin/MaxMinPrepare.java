/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.maxmin;

import dev.ember4j.core.TensorType;
import dev.ember4j.ops.binary.BinaryShapes;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/** Shared preparation of MAXIMUM and MINIMUM: equal input and output types, broadcast shapes (rank 5). */
final class MaxMinPrepare {
    private MaxMinPrepare() {}

    static MaxMinParams prepare(OpContext ctx, boolean max) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.input(0);
        TensorDef b = ctx.input(1);
        TensorDef out = ctx.output(0);
        int type = type(a.type());
        if (type < 0) {
            throw ctx.unsupported("input 1 " + a.label() + " has type " + a.type()
                    + ", supported: INT8, UINT8, INT16, INT32, INT64, FLOAT32");
        }
        if (b.type() != a.type() || out.type() != a.type()) {
            throw ctx.error("input and output types differ: " + a.type() + ", " + b.type() + " -> " + out.type());
        }
        int[][] st = BinaryShapes.strides(ctx, a, b, out, 5);
        return new MaxMinParams(st[0], st[1], st[2], type, max);
    }

    static int type(TensorType t) {
        return switch (t) {
            case INT8 -> MaxMinKernel.INT8;
            case UINT8 -> MaxMinKernel.UINT8;
            case INT16 -> MaxMinKernel.INT16;
            case INT32 -> MaxMinKernel.INT32;
            case FLOAT32 -> MaxMinKernel.FLOAT32;
            case INT64 -> MaxMinKernel.INT64;
            default -> -1;
        };
    }
}
