/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

/** The fused activations of float kernels, applied as TFLite applies them. */
public final class FloatClamp {
    private FloatClamp() {}

    /** std::min(std::max(x, lo), hi). */
    public static float clamp(float x, float lo, float hi) {
        float m = x < lo ? lo : x;
        return hi < m ? hi : m;
    }
}
