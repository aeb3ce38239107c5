/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logical;

import dev.ember4j.core.TensorType;
import dev.ember4j.ops.binary.BinaryShapes;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/** Shared preparation of LOGICAL_AND and LOGICAL_OR: BOOL inputs and output, broadcasting up to rank 4. */
final class LogicalPrepare {
    private LogicalPrepare() {}

    static LogicalParams prepare(OpContext ctx, boolean or) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.input(0);
        TensorDef b = ctx.input(1);
        TensorDef out = ctx.output(0);
        ctx.requireType(a, TensorType.BOOL, "input 0");
        ctx.requireType(b, TensorType.BOOL, "input 1");
        if (out.type() != TensorType.BOOL) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", a logical operator writes BOOL");
        }
        int[][] st = BinaryShapes.strides(ctx, a, b, out, 4);
        return new LogicalParams(st[0], st[1], st[2], or);
    }
}
