/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.quant;

/**
 * A real multiplier as TFLite stores it: a Q0.31 significand and a power-of-two exponent, so that
 * real = multiplier * 2^(shift - 31). Built from a double exactly as TFLite's QuantizeMultiplier.
 */
public record QuantizedMultiplier(int multiplier, int shift) {

    public static QuantizedMultiplier of(double real) {
        if (real == 0.0) {
            return new QuantizedMultiplier(0, 0);
        }
        // frexp: real = q * 2^exponent with |q| in [0.5, 1)
        int exponent = Math.getExponent(real) + 1;
        double q;
        if (Math.getExponent(real) < Double.MIN_EXPONENT) { // subnormal
            double scaled = real * 0x1p54;
            exponent = Math.getExponent(scaled) + 1 - 54;
            q = Math.scalb(scaled, -(exponent + 54));
        } else {
            q = Math.scalb(real, -exponent);
        }
        long fixed = (long) FixedPoint.roundHalfAwayFromZero(q * (double) (1L << 31));
        if (fixed == (1L << 31)) {
            fixed /= 2;
            exponent++;
        }
        if (exponent < -31) {
            exponent = 0;
            fixed = 0;
        }
        return new QuantizedMultiplier((int) fixed, exponent);
    }

    /**
     * TFLite's QuantizeMultiplierGreaterThanOne: for multipliers &gt; 1, the shift is a left shift.
     * Identical encoding to {@link #of}; kept as a name so call sites read like the kernels they mirror.
     */
    public static QuantizedMultiplier greaterThanOne(double real) {
        return of(real);
    }
}
