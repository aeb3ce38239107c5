/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logsoftmax;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.ops.support.Unary;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * LOG_SOFTMAX over the last dimension of float32 ({@link LogSoftmaxFloatKernel}) or of int8, TFLite's
 * reference path: the output must be scale 16/256
 * and zero point 127; prepare forms the Q5.26 input multiplier (beta 1), its reverse scaling divisor
 * and diff_min as PreprocessLogSoftmaxScalingExp and CalculateInputRadius do.
 */
public final class LogSoftmaxOp implements OperatorSpec {
    private static final int SCALED_DIFF_INTEGER_BITS = 5;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.LOG_SOFTMAX;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        if (FloatTensors.isFloat(ctx)) {
            ctx.expectInputs(1, 1);
            ctx.expectOutputs(1);
            TensorDef in = ctx.input(0);
            TensorDef out = FloatTensors.require(ctx, ctx.output(0), "output");
            if (in.shape().length < 1) {
                throw ctx.unsupported("LOG_SOFTMAX of a scalar is not supported");
            }
            ctx.requireShape(out, in.shape(), "output");
            int depth = in.shape()[in.shape().length - 1];
            return Prepared.of(new LogSoftmaxFloatParams(depth == 0 ? 0 : in.elementCount() / depth, depth),
                    LogSoftmaxFloatKernel.KERNEL, 0);
        }
        TensorDef[] t = Unary.int8(ctx);
        TensorDef in = t[0];
        TensorDef out = t[1];
        if ((double) ctx.scale(out) != 16.0 / 256 || ctx.zeroPoint(out) != 127) {
            throw ctx.unsupported("int8 LOG_SOFTMAX needs the output scale 16/256 and zero point 127, got "
                    + ctx.scale(out) + " and " + ctx.zeroPoint(out));
        }
        if (in.shape().length < 1) {
            throw ctx.unsupported("LOG_SOFTMAX of a scalar is not supported");
        }
        int depth = in.shape()[in.shape().length - 1];
        int[] p = scaling(ctx.scale(in));
        if (p == null) {
            throw ctx.unsupported("input scale " + ctx.scale(in) + " is outside the range of TFLite's "
                    + "fixed-point LOG_SOFTMAX");
        }
        return Prepared.of(new LogSoftmaxParams(in.elementCount() / depth, depth, p[0], p[1], p[2], p[3], p[4]),
                LogSoftmaxKernel.KERNEL, 0);
    }

    /**
     * {inputMultiplier, inputLeftShift, reverseMultiplier, reverseShift (&lt;= 0), diffMin}, or null where
     * TFLite's checks (a non-negative left shift, a reverse divisor below one) would fail.
     */
    static int[] scaling(float inputScale) {
        double real = Math.min(1.0 * (double) inputScale * (double) (1 << (31 - SCALED_DIFF_INTEGER_BITS)),
                (double) ((1L << 31) - 1));
        QuantizedMultiplier q = QuantizedMultiplier.of(real);
        if (q.shift() < 0 || q.shift() > 30 || q.multiplier() <= 0) {
            return null;
        }
        double reverse = (double) (1 << (31 - q.shift())) / (double) q.multiplier();
        QuantizedMultiplier r = QuantizedMultiplier.of(reverse);
        if (r.shift() > 0) {
            return null;
        }
        double maxRescaled = 1.0 * ((1 << SCALED_DIFF_INTEGER_BITS) - 1)
                * (double) (1L << (31 - SCALED_DIFF_INTEGER_BITS)) / (double) (1L << q.shift());
        int diffMin = -(int) Math.floor(maxRescaled);
        return new int[] {q.multiplier(), q.shift(), r.multiplier(), r.shift(), diffMin};
    }
}
