/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.quant;

/** Fused activation functions of the TFLite schema (ActivationFunctionType). */
public enum Activation {
    NONE, RELU, RELU_N1_TO_1, RELU6, TANH, SIGN_BIT;

    private static final Activation[] BY_CODE = values();

    /** The activation with this schema code, or null if unknown. */
    public static Activation fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * The int8 clamp range [min, max] this activation gives for an output with the given scale and zero
     * point, as TFLite's CalculateActivationRangeQuantized (the bound is quantized in float, rounded
     * half away from zero). TANH and SIGN_BIT are not fusable activations for int8 and are rejected.
     */
    public int[] int8Range(float outputScale, int outputZeroPoint) {
        int qmin = -128;
        int qmax = 127;
        return switch (this) {
            case NONE -> new int[] {qmin, qmax};
            case RELU -> new int[] {Math.max(qmin, quantize(0f, outputScale, outputZeroPoint)), qmax};
            case RELU6 -> new int[] {Math.max(qmin, quantize(0f, outputScale, outputZeroPoint)),
                    Math.min(qmax, quantize(6f, outputScale, outputZeroPoint))};
            case RELU_N1_TO_1 -> new int[] {Math.max(qmin, quantize(-1f, outputScale, outputZeroPoint)),
                    Math.min(qmax, quantize(1f, outputScale, outputZeroPoint))};
            default -> throw new IllegalArgumentException("fused activation " + this + " is not supported for int8");
        };
    }

    private static int quantize(float value, float scale, int zeroPoint) {
        float ratio = value / scale; // float division, as the C++ does
        double rounded = FixedPoint.roundHalfAwayFromZero(ratio);
        return zeroPoint + (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, rounded));
    }
}
