/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.ops.common.Elem;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.quant.Activation;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/**
 * Preparation helpers of the int16 (16x8) and uint8 variants of the weighted operators: the fused
 * activation range in the output type's limits (TFLite's CalculateActivationRangeQuantized), biases kept
 * as raw little-endian int32 or int64 bytes (parameter records hold no long[]), and the multiplier
 * bounds the int64 requantization needs.
 */
public final class WideQuantization {
    private WideQuantization() {}

    /** Clamp range of the fused activation for an int8, uint8 or int16 output. */
    public static int[] activationRange(OpContext ctx, int code, TensorDef output) {
        Activation a = ctx.activation(code);
        int elem = Elem.of(output.type());
        int qmin = Elem.min(elem);
        int qmax = Elem.max(elem);
        float scale = ctx.scale(output);
        int zp = ctx.zeroPoint(output);
        long lo = qmin;
        long hi = qmax;
        switch (a) {
            case NONE -> { }
            case RELU -> lo = Math.max(qmin, quantize(0f, scale, zp));
            case RELU6 -> {
                lo = Math.max(qmin, quantize(0f, scale, zp));
                hi = Math.min(qmax, quantize(6f, scale, zp));
            }
            case RELU_N1_TO_1 -> {
                lo = Math.max(qmin, quantize(-1f, scale, zp));
                hi = Math.min(qmax, quantize(1f, scale, zp));
            }
            default -> throw ctx.unsupported("fused activation " + a + " is not supported");
        }
        if (lo > hi) {
            throw ctx.unsupported("fused activation " + a + " has an empty range for output " + output.label()
                    + " scale " + scale + " zero point " + zp);
        }
        return new int[] {(int) lo, (int) hi};
    }

    private static long quantize(float value, float scale, int zeroPoint) {
        float ratio = value / scale; // float division, as the C++ does
        double r = FixedPoint.roundHalfAwayFromZero(ratio);
        return zeroPoint + (long) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, r));
    }

    /**
     * The constant bias of {@code channels} values as raw little-endian bytes of its type ({@code allowed}:
     * INT32 and/or INT64), zero point 0; null when the operator has no bias.
     */
    public static byte[] bias(OpContext ctx, TensorDef bias, int channels, TensorType... allowed) {
        if (bias == null) {
            return null;
        }
        boolean ok = false;
        for (TensorType t : allowed) {
            ok |= bias.type() == t;
        }
        if (!ok) {
            throw ctx.unsupported("bias " + bias.label() + " has type " + bias.type() + ", supported here: "
                    + java.util.Arrays.toString(allowed));
        }
        if (bias.quantization() != null && bias.quantization().zeroPoint().length > 0) {
            for (long zp : bias.quantization().zeroPoint()) {
                if (zp != 0) {
                    throw ctx.error("bias " + bias.label() + " has the nonzero zero point " + zp);
                }
            }
        }
        byte[] data = ctx.constant(bias, "bias");
        if (bias.elementCount() != channels) {
            throw ctx.error("bias " + bias.label() + " has " + bias.elementCount() + " values for " + channels
                    + " output channels");
        }
        return data;
    }

    /** Refuses int16 (16x8) input or output zero points other than 0, which TFLite's kernels ignore. */
    public static void requireZeroPoints16(OpContext ctx, TensorDef input, TensorDef output) {
        if (ctx.zeroPoint(input) != 0 || ctx.zeroPoint(output) != 0) {
            throw ctx.unsupported("int16 input and output need zero point 0 (TFLite's 16x8 kernels ignore it)");
        }
    }

    /** The weights offset (minus the zero point) of uint8 weights, which must have one scale and zero point. */
    public static int uint8WeightsOffset(OpContext ctx, TensorDef filter) {
        if (filter.quantization().scale().length != 1 || filter.quantization().zeroPoint().length != 1) {
            throw ctx.unsupported("uint8 weights " + filter.label() + " must have one scale and zero point");
        }
        return -ctx.zeroPoint(filter);
    }

    /** Bias width code of the kernels: 0 none, 32 or 64. */
    public static int biasBits(TensorDef bias) {
        return bias == null ? 0 : bias.type() == TensorType.INT64 ? 64 : 32;
    }

    /**
     * Requires every multiplier to suit the requantization the kernel uses: the int64 form
     * ({@code wide}) needs a shift in [-48, 14] (its total shift 15 - shift must stay in 1..63), the
     * int32 form a shift of at most 31 (already refused above that by the multiplier helpers).
     */
    public static void checkShifts(OpContext ctx, int[] shift, boolean wide) {
        for (int c = 0; c < shift.length; c++) {
            if (wide && (shift[c] > 14 || shift[c] < -48)) {
                throw ctx.unsupported("output multiplier of channel " + c + " has exponent " + shift[c]
                        + ", outside what the int64 requantization represents");
            }
        }
    }

}
