/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.quant.FixedPoint;

/**
 * The convolutions' last step: per output channel, TFLite's double-rounding requantization
 * ({@link FixedPoint#multiplyByQuantizedMultiplier}), output zero point and activation clamp, applied
 * to accumulators that already include the bias. Mostly one channel at a time, so that the JIT hoists
 * the channel's multiplier and shift work out of the loop.
 */
public final class Requantize {
    private final int[] multiplier;
    private final int[] shift;
    private final int outputOffset;
    private final int activationMin;
    private final int activationMax;

    public Requantize(int[] multiplier, int[] shift, int outputOffset, int activationMin, int activationMax) {
        this.multiplier = multiplier;
        this.shift = shift;
        this.outputOffset = outputOffset;
        this.activationMin = activationMin;
        this.activationMax = activationMax;
    }

    /** output[at + i * depth + c] = requantized acc[i * depth + c] of channel c, for i &lt; n, c &lt; depth. */
    public void pixels(int[] acc, int n, int depth, byte[] output, int at) {
        if (n >= 12) {
            for (int c = 0; c < depth; c++) {
                channel(c, acc, c, depth, n, output, at + c, depth);
            }
            return;
        }
        // Few pixels: per-channel loops would be too short, so go in memory order (measured faster).
        for (int j = 0, c = 0; j < n * depth; j++) {
            int v = FixedPoint.multiplyByQuantizedMultiplier(acc[j], multiplier[c], shift[c]) + outputOffset;
            output[at + j] = (byte) Math.min(Math.max(v, activationMin), activationMax);
            if (++c == depth) {
                c = 0;
            }
        }
    }

    /** output[at + i * outputStep] = requantized acc[from + i * accStep] of channel c, for i &lt; n. */
    public void channel(int c, int[] acc, int from, int accStep, int n, byte[] output, int at, int outputStep) {
        final int m = multiplier[c];
        final int s = shift[c];
        for (int i = 0; i < n; i++) {
            int v = FixedPoint.multiplyByQuantizedMultiplier(acc[from + i * accStep], m, s) + outputOffset;
            output[at + i * outputStep] = (byte) Math.min(Math.max(v, activationMin), activationMax);
        }
    }
}
