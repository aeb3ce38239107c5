/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.hardswish;

import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.elementwise.ElementwiseKernel;
import dev.ember4j.ops.support.FloatTensors;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.support.Unary;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** HARD_SWISH of int8, parameters formed as TFLite's HardSwishPrepare does (float scales, int16 multipliers). */
public final class HardSwishOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.HARD_SWISH;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        if (FloatTensors.isFloat(ctx)) {
            return Elementwise.floatFunction(ctx, ElementwiseKernel.HARD_SWISH);
        }
        if (ctx.inputCount() == 1 && ctx.input(0).type() == TensorType.INT16) {
            // TFLite 2.21: the converter has no 16x8 HARD_SWISH and the kernel fails on int16 at invoke
            throw ctx.unsupported("int16 HARD_SWISH is not supported (TensorFlow Lite 2.21 has no int16 kernel)");
        }
        TensorDef[] t = Unary.int8(ctx);
        TensorDef in = t[0];
        TensorDef out = t[1];
        float inputScale = ctx.scale(in);
        float hiresInputScale = (1.0f / 128.0f) * inputScale;
        float reluishScale = 3.0f / 32768.0f;
        float outputScale = ctx.scale(out);
        float outputMultiplier = hiresInputScale / outputScale;
        QuantizedMultiplier om = QuantizedMultiplier.of((double) outputMultiplier);
        if (om.shift() > 0) {
            throw ctx.unsupported("output scale " + outputScale + " is too small for input scale " + inputScale
                    + " (the output multiplier " + outputMultiplier + " has exponent " + om.shift()
                    + "; TFLite requires <= 0)");
        }
        float reluishMultiplier = hiresInputScale / reluishScale;
        QuantizedMultiplier rm = QuantizedMultiplier.of((double) reluishMultiplier);
        if (rm.shift() < -31 || rm.shift() > 16) {
            throw ctx.unsupported("input scale " + inputScale + " gives the relu-ish exponent " + rm.shift()
                    + ", outside what the int16 kernel handles");
        }
        return Prepared.of(new HardSwishParams(in.elementCount(), ctx.zeroPoint(in), ctx.zeroPoint(out),
                downScale(om.multiplier()), om.shift(), downScale(rm.multiplier()), rm.shift()), HardSwishKernel.KERNEL, 0);
    }

    /** TFLite's DownScaleInt32ToInt16Multiplier: a Q0.31 multiplier to Q0.15, rounded, saturating. */
    static int downScale(int multiplier) {
        int roundingOffset = 1 << 15;
        if (multiplier >= Integer.MAX_VALUE - roundingOffset) {
            return Short.MAX_VALUE;
        }
        return (short) ((multiplier + roundingOffset) >> 16);
    }
}
