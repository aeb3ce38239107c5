/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elementwise;

import dev.ember4j.ops.common.Int8Lut;

/**
 * TFLite's LUTPopulate for int8 (the 256-entry table its kernels build at prepare): each input value is
 * dequantized in float, transformed in float, multiplied by the float reciprocal of the output scale,
 * rounded half away from zero, offset by the output zero point in float, converted to int32 as the
 * x86 build does (INT_MIN out of range) and clamped to int8.
 */
public final class Tables {
    private Tables() {}

    /** The table indexed by the input byte as unsigned. */
    public static byte[] int8(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint,
                              Int8Lut.FloatFunction transform) {
        float inverseScale = 1f / outputScale;
        byte[] table = new byte[256];
        for (int v = -128; v <= 127; v++) {
            float dequantized = inputScale * (float) (v - inputZeroPoint);
            float transformed = transform.apply(dequantized);
            float rescaled = Int8Lut.roundf(transformed * inverseScale);
            int q = X86.toInt32(rescaled + (float) outputZeroPoint);
            table[v & 0xff] = (byte) Math.max(-128, Math.min(127, q));
        }
        return table;
    }

    /** An int8 function given value by value (integer kernels evaluated once per possible input). */
    @FunctionalInterface
    public interface IntFunction {
        int apply(int x);
    }

    /** The table of an int8 function of the int8 input, indexed by the input byte as unsigned. */
    public static byte[] of(IntFunction f) {
        byte[] table = new byte[256];
        for (int v = -128; v <= 127; v++) {
            table[v & 0xff] = (byte) f.apply(v);
        }
        return table;
    }
}
