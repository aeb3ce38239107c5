/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.tflite.prepare.OpContext;

/**
 * Fused activations of the float kernels: TFLite's CalculateActivationRange&lt;float&gt; (no activation
 * clamps to ±FLT_MAX) applied as ActivationFunctionWithMinMax, i.e. std::min(std::max(x, lo), hi): an
 * infinity becomes ±FLT_MAX (or the bound), a NaN passes through, -0.0 stays against a 0 bound.
 */
public final class FloatActivation {
    private FloatActivation() {}

    /** {min, max} of fused activation {@code code}; TANH and SIGN_BIT are refused. */
    public static float[] range(OpContext ctx, int code) {
        return switch (ctx.activation(code)) {
            case RELU -> new float[] {0f, Float.MAX_VALUE};
            case RELU6 -> new float[] {0f, 6f};
            case RELU_N1_TO_1 -> new float[] {-1f, 1f};
            default -> new float[] {-Float.MAX_VALUE, Float.MAX_VALUE};
        };
    }
}
