/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/** Prepare of REDUCE_MAX and REDUCE_MIN. */
public final class ExtremeOps {
    private ExtremeOps() {}

    public static ExtremeParams prepare(OpContext ctx, boolean max) {
        Reduction r = ReduceOps.prepare(ctx);
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        if (ctx.scale(in) != ctx.scale(out) || ctx.zeroPoint(in) != ctx.zeroPoint(out)) {
            // TFLite's EvalType requires equal quantization for int8 and fails otherwise.
            throw ctx.unsupported("input " + in.label() + " (scale " + ctx.scale(in) + ", zero point "
                    + ctx.zeroPoint(in) + ") and output " + out.label() + " (scale " + ctx.scale(out)
                    + ", zero point " + ctx.zeroPoint(out) + ") differ; TFLite requires them equal");
        }
        return new ExtremeParams(r.shape6(), r.outStrides6(), r.outputCount(), max);
    }
}
