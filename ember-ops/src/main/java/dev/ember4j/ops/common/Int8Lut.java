/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.quant.FixedPoint;

/**
 * TFLite's PopulateLookupTable for int8 (and uint8): each of the 256 inputs is dequantized in float, transformed
 * in float, divided by the output scale (as a multiplication by the float reciprocal), rounded half
 * away from zero, offset by the output zero point and clamped to the type.
 */
public final class Int8Lut {
    private Int8Lut() {}

    /** A float to float function, evaluated as the C++ float expression would be. */
    @FunctionalInterface
    public interface FloatFunction {
        float apply(float x);
    }

    /** The table indexed by the input byte as unsigned ({@code table[v & 0xff]} for input value v). */
    public static byte[] build(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint,
                               FloatFunction transform) {
        return build(-128, 127, inputScale, inputZeroPoint, outputScale, outputZeroPoint, transform);
    }

    /** The same table for uint8 input and output (TFLite's PopulateLookupTable&lt;uint8_t&gt;), indexed by the byte. */
    public static byte[] buildUint8(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint,
                                    FloatFunction transform) {
        return build(0, 255, inputScale, inputZeroPoint, outputScale, outputZeroPoint, transform);
    }

    private static byte[] build(int min, int max, float inputScale, int inputZeroPoint, float outputScale,
                                int outputZeroPoint, FloatFunction transform) {
        float inverseScale = 1f / outputScale;
        byte[] table = new byte[256];
        for (int v = min; v <= max; v++) {
            float dequantized = inputScale * (float) (v - inputZeroPoint);
            float transformed = transform.apply(dequantized);
            float rescaled = roundf(transformed * inverseScale);
            float shifted = rescaled + (float) outputZeroPoint;
            int q = toInt32(shifted);
            table[v & 0xff] = (byte) Math.max(min, Math.min(max, q));
        }
        return table;
    }

    /** C's roundf: half away from zero (exact, since every float is a double). */
    public static float roundf(float x) {
        if (Float.isNaN(x) || Float.isInfinite(x)) {
            return x;
        }
        return (float) FixedPoint.roundHalfAwayFromZero(x);
    }

    /** static_cast&lt;int32_t&gt; of an integral float; saturates where the C++ would be undefined. */
    private static int toInt32(float f) {
        return (int) f;
    }

    /** {@code 1.0f / (1.0f + std::exp(-x))} with float operands (expf rounded to float). */
    public static float logistic(float x) {
        float e = (float) Math.exp((double) -x);
        return 1.0f / (1.0f + e);
    }

    /** {@code std::tanh(x)} of a float (tanhf rounded to float). */
    public static float tanh(float x) {
        return (float) Math.tanh((double) x);
    }
}
