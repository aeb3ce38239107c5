/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gelu;

/**
 * The error function in double precision (the JDK has none): the Taylor series below 2, the continued
 * fraction of erfc from 2 to 6, ±1 beyond (erfc(6) is below 2^-53). Within a few double ulps of glibc's
 * erf, which TFLite's GELU tables call: far below what the int8 / int16 table entries can see.
 */
public final class Erf {
    private Erf() {}

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double INV_SQRT_PI = 0.5641895835477563;

    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        double r;
        if (a < 2) {
            // sum (-1)^n x^(2n+1) / (n! (2n+1))
            double x2 = a * a;
            double term = a;
            double sum = a;
            for (int n = 1; n < 60; n++) {
                term *= -x2 / n;
                double t = term / (2 * n + 1);
                sum += t;
                if (Math.abs(t) < 1e-18 * sum) {
                    break;
                }
            }
            r = TWO_OVER_SQRT_PI * sum;
        } else if (a < 6) {
            // erfc(a) = exp(-a^2) / sqrt(pi) / (a + (1/2) / (a + 1 / (a + (3/2) / (a + 2 / (a + ...)))))
            double f = a;
            for (int k = 120; k >= 1; k--) {
                f = a + (k / 2.0) / f;
            }
            r = 1 - Math.exp(-a * a) * INV_SQRT_PI / f;
        } else {
            r = 1;
        }
        return x < 0 ? -r : r;
    }
}
