/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gelu;

/**
 * TFLite's GeluTransform and GeluTransformApproximate (what its int8, uint8 and int16 tables are built
 * from), operation by operation with the C++ types.
 */
public final class Gelu {
    private Gelu() {}

    private static final double SQRT1_2 = 0.70710678118654752440;
    /** static_cast&lt;float&gt;(M_2_SQRTPI * M_SQRT1_2): sqrt(2 / pi). */
    private static final float SQRT_2_OVER_PI = (float) (1.12837916709551257390 * 0.70710678118654752440);

    /**
     * 0.5f * x * (1.f + std::erf(x * M_SQRT1_2)): M_SQRT1_2 is a double, so from the product on C++ works
     * in double (erf of a double) and the result is rounded to float once.
     */
    public static float exact(float x) {
        return (float) ((double) (0.5f * x) * (1.0 + Erf.erf((double) x * SQRT1_2)));
    }

    /** 0.5f * x * (1.f + tanh(sqrt(2 / pi) * (x + 0.044715f * x * x * x))). */
    public static float approximate(float x) {
        float inner = SQRT_2_OVER_PI * (x + 0.044715f * x * x * x);
        return 0.5f * x * (1f + (float) Math.tanh(inner)); // tanhf as tanh in double, rounded
    }
}
