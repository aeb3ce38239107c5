/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sum;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.reduce.ExtremeOps;
import dev.ember4j.ops.reduce.ReduceFloatParams;
import dev.ember4j.ops.reduce.ReduceOps;
import dev.ember4j.ops.reduce.Reduction;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * SUM of a float32 tensor over constant axes (float sums from 0.0f in input order, {@link
 * dev.ember4j.ops.reduce.ReduceFloatKernel}), or of an int8 tensor when input and output quantization differ (the converter's
 * usual output). TFLite 2.21's reference EvalSum then runs QuantizedMeanOrSum on the bytes as uint8
 * (see {@link SumParams}); that is reproduced, not corrected. SUM with identical input and output
 * quantization is refused: which reference path TFLite 2.21 takes for it (int8 accumulation wrapping
 * in EvalGeneric, or the same uint8 path) has not been confirmed against TFLite output.
 */
public final class SumOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SUM;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        Reduction r = ReduceOps.prepare(ctx, TensorType.INT8, TensorType.FLOAT32);
        TensorDef in = ctx.input(0);
        if (in.type() == TensorType.FLOAT32) {
            return Prepared.of(new ReduceFloatParams(r.shape6(), r.outStrides6(), r.outputCount(),
                    ReduceFloatParams.SUM), ExtremeOps.KERNEL_FLOAT, 0);
        }
        TensorDef out = ctx.output(0);
        if (ctx.scale(in) == ctx.scale(out) && ctx.zeroPoint(in) == ctx.zeroPoint(out)) {
            throw ctx.unsupported("SUM with input and output sharing scale and zero point is not supported");
        }
        return Prepared.of(params(r, ctx.scale(in), ctx.zeroPoint(in), ctx.scale(out), ctx.zeroPoint(out)), SumKernel.KERNEL, 0);
    }

    public static SumParams params(Reduction r, float inputScale, int inputZeroPoint, float outputScale,
                                   int outputZeroPoint) {
        QuantizedMultiplier m = QuantizedMultiplier.of((double) inputScale / (double) outputScale);
        return new SumParams(r.shape6(), r.outStrides6(), r.outputCount(), r.reducedCount(), inputZeroPoint,
                outputZeroPoint, m.multiplier(), m.shift());
    }
}
