/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.Prepared;

/** Prepare of REDUCE_MAX and REDUCE_MIN. */
public final class ExtremeOps {
    private ExtremeOps() {}

    /** The float32 SUM/REDUCE_MAX/REDUCE_MIN kernel. */
    public static final OpKernel<ReduceFloatParams> KERNEL_FLOAT = ReduceFloatKernel.KERNEL;

    /** REDUCE_MAX/MIN of int8 (the operator's {@code int8Kernel}) or float32 ({@link ReduceFloatKernel}). */
    public static Prepared prepare(OpContext ctx, boolean max, OpKernel<ExtremeParams> int8Kernel) {
        Reduction r = ReduceOps.prepare(ctx, TensorType.INT8, TensorType.FLOAT32);
        if (ctx.input(0).type() == TensorType.FLOAT32) {
            return Prepared.of(new ReduceFloatParams(r.shape6(), r.outStrides6(), r.outputCount(),
                    max ? ReduceFloatParams.MAX : ReduceFloatParams.MIN), KERNEL_FLOAT, 0);
        }
        return Prepared.of(int8Params(ctx, r, max), int8Kernel, 0);
    }

    private static ExtremeParams int8Params(OpContext ctx, Reduction r, boolean max) {
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
