/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

/**
 * Affine quantization of a tensor: real = scale * (q - zeroPoint); one entry per tensor, or one per
 * slice along {@code quantizedDimension} for per-channel weights.
 */
public record Quantization(float[] scale, long[] zeroPoint, int quantizedDimension) {

    public boolean perChannel() {
        return scale.length > 1;
    }

    public float scale(int i) {
        return scale[i];
    }

    public int zeroPoint(int i) {
        return (int) zeroPoint[i];
    }
}
