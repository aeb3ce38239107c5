/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/** Output multipliers of the weighted operators, formed exactly as TFLite forms them. */
public final class Requantization {
    private Requantization() {}

    /** Per-channel weight scales (or one broadcast scale), checked to be symmetric. */
    public static float[] weightScales(OpContext ctx, TensorDef filter, int channels) {
        Quantization q = filter.quantization();
        if (q == null) {
            throw ctx.unsupported("weights " + filter.label() + " are not quantized (hybrid models are not supported)");
        }
        if (q.scale().length != 1 && q.scale().length != channels) {
            throw ctx.error("weights " + filter.label() + " have " + q.scale().length + " scales for " + channels
                    + " output channels");
        }
        for (long zp : q.zeroPoint()) {
            if (zp != 0) {
                throw ctx.unsupported("weights " + filter.label() + " have zero point " + zp
                        + "; int8 kernels need symmetric weights (zero point 0)");
            }
        }
        float[] scales = new float[channels];
        for (int c = 0; c < channels; c++) {
            scales[c] = q.scale().length == 1 ? q.scale(0) : q.scale(c);
        }
        return scales;
    }

    /**
     * One multiplier per channel from input * weight / output computed in double, as TFLite's
     * PopulateConvolutionQuantizationParams (used by CONV_2D, DEPTHWISE_CONV_2D and per-channel
     * FULLY_CONNECTED).
     */
    public static int[][] perChannel(OpContext ctx, float inputScale, float[] weightScales, float outputScale) {
        int n = weightScales.length;
        int[] multiplier = new int[n];
        int[] shift = new int[n];
        for (int c = 0; c < n; c++) {
            double effective = (double) inputScale * (double) weightScales[c] / (double) outputScale;
            QuantizedMultiplier q = QuantizedMultiplier.of(effective);
            if (q.shift() > 31) {
                // input x weight / output scale of 2^31 or more: no int32 requantization represents it.
                throw ctx.unsupported("output multiplier of channel " + c + " is out of range: input scale "
                        + inputScale + " x weight scale " + weightScales[c] + " / output scale " + outputScale
                        + " = " + effective);
            }
            multiplier[c] = q.multiplier();
            shift[c] = q.shift();
        }
        return new int[][] {multiplier, shift};
    }

    /**
     * The per-tensor FULLY_CONNECTED multiplier: TFLite's GetQuantizedConvolutionMultipler multiplies
     * the input and weight scales in float before widening to double.
     */
    public static int[][] perTensorFloatProduct(float inputScale, float weightScale, float outputScale) {
        float product = inputScale * weightScale;
        QuantizedMultiplier q = QuantizedMultiplier.of((double) product / (double) outputScale);
        return new int[][] {{q.multiplier()}, {q.shift()}};
    }
}
