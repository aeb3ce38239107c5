/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.hardswish;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/**
 * Reference int8 HARD_SWISH (TFLite's reference_ops::HardSwish with HardSwishParams): every step in
 * int16 with gemmlowp's saturating and rounding rules.
 */
public final class HardSwishKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<HardSwishParams> KERNEL = HardSwishKernel::run;

    private HardSwishKernel() {}

    public static void run(HardSwishParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int n = p.count();
        for (int i = 0; i < n; i++) {
            y[ys + i] = (byte) apply(p, x[xs + i]);
        }
    }

    /** The output value (in [-128, 127]) of one input value. */
    static int apply(HardSwishParams p, int x) {
        short inputValue = (short) (x - p.inputZeroPoint());
        short hires = (short) (inputValue * 128);
        short preshiftOutput = srdhm16(hires, (short) p.outputMultiplier());
        short reluish = hires;
        int e = p.reluishExponent();
        if (e > 0) {
            reluish = saturatingLeftShift16(reluish, e - 1);
        }
        reluish = srdhm16(reluish, (short) p.reluishMultiplier());
        if (e > 0) {
            reluish = saturatingLeftShift16(reluish, 1);
        }
        if (e < 0) {
            reluish = roundingDivideByPot16(reluish, -e);
        }
        reluish = (short) ((reluish + (1 << 15)) >> 1);
        short preshift = sdhm16(reluish, preshiftOutput);
        short outputValue = roundingDivideByPot16(preshift, -p.outputExponent());
        outputValue = (short) (outputValue + p.outputZeroPoint());
        outputValue = (short) Math.min(outputValue, 127);
        outputValue = (short) Math.max(outputValue, -128);
        return outputValue;
    }

    /** int16 value times 2^amount, saturated to int16. */
    static short saturatingLeftShift16(short v, int amount) {
        long r = (long) v * (1L << amount);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, r));
    }

    /** gemmlowp SaturatingRoundingDoublingHighMul on int16: round(a*b / 2^15), MIN*MIN saturating. */
    static short srdhm16(short a, short b) {
        if (a == Short.MIN_VALUE && b == Short.MIN_VALUE) {
            return Short.MAX_VALUE;
        }
        int ab = a * b;
        short nudge = (short) (ab >= 0 ? (1 << 14) : (1 - (1 << 14)));
        return (short) ((ab + nudge) / (1 << 15));
    }

    /** SQDMULH-like: a*b / 2^15 truncated toward zero, MIN*MIN saturating. */
    static short sdhm16(short a, short b) {
        if (a == Short.MIN_VALUE && b == Short.MIN_VALUE) {
            return Short.MAX_VALUE;
        }
        int ab = a * b;
        return (short) (ab / (1 << 15));
    }

    /** gemmlowp RoundingDivideByPOT on int16: ties away from zero. */
    static short roundingDivideByPot16(short x, int exponent) {
        short mask = (short) ((1L << exponent) - 1);
        short zero = 0;
        short one = 1;
        short remainder = (short) (x & mask);
        short threshold = (short) ((mask >> 1) + (x < zero ? one : zero));
        return (short) ((x >> exponent) + (remainder > threshold ? one : zero));
    }
}
