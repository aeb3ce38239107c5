/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.svdf;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * SVDF, full-integer (TFLite 2.21 svdf.cc): int8 input and output, int8 feature weights, int16 time
 * weights, optional int32 bias, int16 state in a variable tensor (input 4), rank &gt;= 1. Float and hybrid
 * SVDF are refused.
 */
public final class SvdfOp implements OperatorSpec {
    private static final int OPTIONS = 6; // BuiltinOptions.SVDFOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SVDF;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(5, 5);
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "SVDFOptions");
        int rank = OpContext.i32(o, 0, 0);
        int activation = OpContext.u8(o, 1, 0);
        TensorDef in = ctx.input(0);
        if (in.type() != TensorType.INT8) {
            throw ctx.unsupported("input " + in.label() + " has type " + in.type()
                    + "; only full-integer SVDF (int8 input, int16 state) is supported");
        }
        ctx.quantized(in, "input", TensorType.INT8);
        TensorDef wf = ctx.quantized(ctx.input(1), "weights_feature", TensorType.INT8);
        TensorDef wt = ctx.quantized(ctx.input(2), "weights_time", TensorType.INT16);
        TensorDef bias = ctx.optionalInput(3);
        TensorDef state = ctx.quantized(ctx.input(4), "state", TensorType.INT16);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8);
        if (!state.isVariable()) {
            throw ctx.error("state " + state.label() + " is not a variable tensor");
        }
        if (rank <= 0) {
            throw ctx.error("rank " + rank + " must be positive");
        }
        if (activation != 1) {
            // TFLite's integer path: TF_LITE_ENSURE_EQ(params->activation, kTfLiteActRelu)
            throw ctx.unsupported("fused activation " + activation + ": TFLite's integer SVDF requires RELU (1)");
        }
        ctx.requireRank(in, 2, "input");
        ctx.requireRank(wf, 2, "weights_feature");
        ctx.requireRank(wt, 2, "weights_time");
        ctx.requireRank(state, 2, "state");
        int batch = in.shape()[0];
        int inputSize = in.shape()[1];
        int filters = wf.shape()[0];
        int memory = wt.shape()[1];
        if (filters % rank != 0) {
            throw ctx.error(filters + " filters are not a multiple of rank " + rank);
        }
        int units = filters / rank;
        if (wf.shape()[1] != inputSize) {
            throw ctx.error("weights_feature " + wf.shapeString() + " does not match input " + in.shapeString());
        }
        if (wt.shape()[0] != filters) {
            throw ctx.error("weights_time " + wt.shapeString() + " does not have " + filters + " rows");
        }
        if (state.shape()[0] != batch || (long) state.shape()[1] != (long) memory * filters) {
            throw ctx.error("state " + state.shapeString() + " is not [" + batch + ", " + (long) memory * filters + "]");
        }
        ctx.requireShape(out, new int[] {batch, units}, "output");
        int[] biasValues = null;
        if (bias != null) {
            ctx.requireType(bias, TensorType.INT32, "bias");
            if (bias.elementCount() != units || bias.shape().length != 1) {
                throw ctx.error("bias " + bias.label() + " has shape " + bias.shapeString() + ", expected [" + units + "]");
            }
            biasValues = ctx.int32Constant(bias, "bias");
        }
        byte[] wtBytes = ctx.constant(wt, "weights_time");
        byte[] wfBytes = ctx.constant(wf, "weights_feature");
        if ((long) 4 * batch * (filters + units) > Integer.MAX_VALUE / 2) {
            throw ctx.unsupported("scratch of " + 4L * batch * (filters + units) + " bytes is too large");
        }
        // As svdf.cc: float products and quotient, widened to double.
        float s1 = ctx.scale(in) * ctx.scale(wf) / ctx.scale(state);
        float s2 = ctx.scale(state) * ctx.scale(wt) / ctx.scale(out);
        QuantizedMultiplier m1 = QuantizedMultiplier.of(s1);
        QuantizedMultiplier m2 = QuantizedMultiplier.of(s2);
        SvdfParams p = new SvdfParams(batch, inputSize, filters, rank, memory, wfBytes.clone(), wtBytes.clone(),
                biasValues, m1.multiplier(), m1.shift(), m2.multiplier(), m2.shift(), ctx.zeroPoint(in),
                ctx.zeroPoint(out));
        return Prepared.of(p, SvdfKernel.KERNEL, 0, 4);
    }
}
