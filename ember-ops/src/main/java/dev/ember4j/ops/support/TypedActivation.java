/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.ops.common.Elem;

import dev.ember4j.core.quant.Activation;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/**
 * TFLite's CalculateActivationRangeQuantized for int8, uint8 and int16 outputs: the fused activation's
 * bounds quantized in float (rounded half away from zero) and clamped to the output type's range.
 */
public final class TypedActivation {
    private TypedActivation() {}

    /** {min, max} of the fused activation {@code code} for this quantized output. */
    public static int[] range(OpContext ctx, int code, TensorDef output) {
        Activation a = ctx.activation(code);
        int elem = Elem.of(output.type());
        int qmin = Elem.min(elem);
        int qmax = Elem.max(elem);
        float scale = ctx.scale(output);
        int zp = ctx.zeroPoint(output);
        int[] r = switch (a) {
            case NONE -> new int[] {qmin, qmax};
            case RELU -> new int[] {Math.max(qmin, quantize(0f, scale, zp)), qmax};
            case RELU6 -> new int[] {Math.max(qmin, quantize(0f, scale, zp)), Math.min(qmax, quantize(6f, scale, zp))};
            case RELU_N1_TO_1 -> new int[] {Math.max(qmin, quantize(-1f, scale, zp)),
                    Math.min(qmax, quantize(1f, scale, zp))};
            default -> throw ctx.unsupported("fused activation " + a + " is not supported");
        };
        if (r[0] > r[1]) {
            throw ctx.unsupported("fused activation " + a + " has an empty range for output " + output.label()
                    + " scale " + scale + " zero point " + zp);
        }
        return r;
    }

    private static int quantize(float value, float scale, int zeroPoint) {
        double rounded = FixedPoint.roundHalfAwayFromZero(value / scale);
        long v = zeroPoint + (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, rounded));
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
