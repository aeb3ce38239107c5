/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.quantize;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.common.Le;

/** Reference QUANTIZE, as TFLite's reference AffineQuantize and Requantize. */
public final class QuantizeKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<QuantizeParams> KERNEL = QuantizeKernel::run;

    private QuantizeKernel() {}

    public static void run(QuantizeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int lo = Elem.min(p.outputElem());
        int hi = Elem.max(p.outputElem());
        if (p.fromFloat() != 0) {
            // TFLite divides in float, rounds half away from zero, then adds the zero point in double.
            float scale = p.scale();
            if (p.outputElem() == Elem.INT16) {
                // int16: TFLite casts the rounded float to int32 first; out of range (or NaN) that cast
                // gives INT_MIN on x86 (cvttss2si), which then clamps to -32768 even for large positives.
                for (int i = 0; i < p.count(); i++) {
                    float r = roundHalfAway(Le.f32(x, xs + 4 * i) / scale);
                    int v = r >= -2147483648f && r < 2147483648f ? (int) r : Integer.MIN_VALUE;
                    Elem.put(p.outputElem(), y, ys, i, Math.max(lo, Math.min(hi, v + p.outputZeroPoint())));
                }
                return;
            }
            for (int i = 0; i < p.count(); i++) {
                double v = roundHalfAway(Le.f32(x, xs + 4 * i) / scale) + (double) p.outputZeroPoint();
                Elem.put(p.outputElem(), y, ys, i, clampToInt(v, lo, hi));
            }
            return;
        }
        for (int i = 0; i < p.count(); i++) {
            int v = Elem.get(p.inputElem(), x, xs, i) - p.inputZeroPoint();
            int r = FixedPoint.multiplyByQuantizedMultiplier(v, p.multiplier(), p.shift()) + p.outputZeroPoint();
            Elem.put(p.outputElem(), y, ys, i, Math.max(lo, Math.min(hi, r)));
        }
    }

    /** std::round on a float: half away from zero, in float. */
    static float roundHalfAway(float f) {
        if (!(Math.abs(f) < 8388608f)) { // |f| >= 2^23 is integral already (or NaN/inf)
            return f;
        }
        float t = (float) (long) f; // truncation
        float diff = f - t;
        if (diff >= 0.5f) {
            return t + 1f;
        }
        if (diff <= -0.5f) {
            return t - 1f;
        }
        return t;
    }

    /** std::min/max on doubles then a cast: NaN falls through both and casts to 0 here. */
    private static int clampToInt(double v, int lo, int hi) {
        if (v != v) {
            return 0;
        }
        return (int) Math.min(Math.max(v, lo), hi);
    }
}
