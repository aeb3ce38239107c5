/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mean;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.reduce.ReduceOps;
import dev.ember4j.ops.reduce.Reduction;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * MEAN of an int8, int16 (16x8, zero points 0) or float32 tensor over constant axes (keep_dims either way).
 *
 * <p>TFLite 2.21's reference EvalMean sends every int8 input, whatever its rank, axes or scales, to
 * reference_ops::QuantizedMeanOrSum with the multiplier PrepareMeanOrSum forms from
 * {@code (double) inputScale / (double) outputScale}; the kernel folds {@code 1/count} into it in
 * integers (see {@link #fold}). The older 4-D "axes 1 and 2 with keep_dims" special case
 * (reference_integer_ops::Mean, which rounds the division separately) is not taken any more: the
 * mean_hw_keepdims conformance case tells the two apart and matches this one.
 */
public final class MeanOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.MEAN;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        Reduction r = ReduceOps.prepare(ctx, TensorType.INT8, TensorType.INT16, TensorType.FLOAT32);
        TensorDef in = ctx.input(0);
        if (in.type() == TensorType.FLOAT32) {
            return Prepared.of(new MeanParams(r.shape6(), r.outStrides6(), r.outputCount(), r.reducedCount(), 0, 0, 0,
                    0), MeanFloatKernel.KERNEL, 0);
        }
        TensorDef out = ctx.output(0);
        MeanParams p = params(r, ctx.scale(in), ctx.zeroPoint(in), ctx.scale(out), ctx.zeroPoint(out));
        if (in.type() == TensorType.INT16) {
            if (ctx.zeroPoint(in) != 0 || ctx.zeroPoint(out) != 0) {
                throw ctx.unsupported("int16 MEAN needs zero point 0 (input " + ctx.zeroPoint(in) + ", output "
                        + ctx.zeroPoint(out) + ")");
            }
            return Prepared.of(p, MeanInt16Kernel.KERNEL, 0);
        }
        return Prepared.of(p, MeanKernel.KERNEL, 0);
    }

    /** The kernel parameters for float32 scales as the model stores them. */
    public static MeanParams params(Reduction r, float inputScale, int inputZeroPoint, float outputScale,
                                    int outputZeroPoint) {
        QuantizedMultiplier m = QuantizedMultiplier.of((double) inputScale / (double) outputScale);
        int[] folded = fold(m.multiplier(), m.shift(), r.reducedCount());
        return new MeanParams(r.shape6(), r.outStrides6(), r.outputCount(), r.reducedCount(), inputZeroPoint,
                outputZeroPoint, folded[0], folded[1]);
    }

    /**
     * TFLite's integer division of the output multiplier by the element count: shift the multiplier
     * left by floor(log2(count)) (at most 32, and at most 31 + shift so the result stays a valid
     * right shift), divide in 64 bits truncating, and lower the shift to match.
     */
    public static int[] fold(int multiplier, int shift, int count) {
        int s = 31 - Integer.numberOfLeadingZeros(count);
        s = Math.min(s, 32);
        s = Math.min(s, 31 + shift);
        int m = (int) (((long) multiplier << s) / count);
        return new int[] {m, shift - s};
    }
}
