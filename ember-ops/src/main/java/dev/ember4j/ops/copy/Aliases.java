/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.copy;

import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/** Checks of the operators whose output shares its input's bytes (SQUEEZE, EXPAND_DIMS), as for RESHAPE. */
public final class Aliases {
    private Aliases() {}

    public static void requireSameBytes(OpContext ctx, TensorDef in, TensorDef out) {
        if (in.type() != out.type()) {
            throw ctx.error("input type " + in.type() + " differs from output type " + out.type());
        }
        if (in.quantization() != null && out.quantization() != null
                && (ctx.scale(in) != ctx.scale(out) || ctx.zeroPoint(in) != ctx.zeroPoint(out))) {
            throw ctx.unsupported("input and output quantization differ; " + ctx.def.op() + " does not requantize");
        }
    }
}
