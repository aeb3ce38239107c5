/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.quant.FixedPoint;

/**
 * TFLite's int16 lookup tables (LUTPopulate&lt;int16_t&gt; / LUTLookup): 513 samples of a float transform over
 * the int16 input range, bias-corrected at prepare, read with linear interpolation between them.
 */
public final class Int16Lut {
    private Int16Lut() {}

    /** TFLite's LUTLookup for int16: 512 intervals of 128, linear interpolation rounded. */
    public static int lookup(int value, int[] lut) {
        int index = 256 + (value >> 7);
        int offset = value & 0x7f;
        int base = lut[index];
        int slope = lut[index + 1] - lut[index];
        int delta = (slope * offset + 64) >> 7;
        return (short) (base + delta);
    }

    /** TFLite's LUTPopulateInt16&lt;float&gt;: 513 entries of transform over the int16 input range, bias-corrected. */
    public static int[] populate(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint,
                                 Int8Lut.FloatFunction f) {
        float inputMin = inputScale * (-32768 - inputZeroPoint);
        float inputMax = inputScale * (32767 - inputZeroPoint);
        float outputMin = outputScale * (-32768 - outputZeroPoint);
        float outputMax = outputScale * (32767 - outputZeroPoint);
        int steps = 512;
        float step = (inputMax - inputMin) / steps;
        float halfStep = step / 2;
        float inv = 65536f / (outputMax - outputMin);
        int[] lut = new int[steps + 1];
        for (int i = 0; i < steps; i++) {
            float val = f.apply(inputMin + i * step);
            float mid = f.apply(inputMin + i * step + halfStep);
            float next = f.apply(inputMin + (i + 1) * step);
            float sample = round(val * inv);
            float midInterp = round((next * inv + round(val * inv)) / 2);
            float midVal = round(mid * inv);
            float bias = round((midInterp - midVal) / 2);
            lut[i] = (int) Math.min(Math.max(sample - bias, -32768f), 32767f);
        }
        lut[steps] = (int) Math.min(Math.max(round(f.apply(inputMax) * inv), -32768f), 32767f);
        return lut;
    }

    /** std::round on a float. */
    private static float round(float v) {
        return (float) FixedPoint.roundHalfAwayFromZero(v);
    }
}
