/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import dev.ember4j.core.quant.QuantizedMultiplier;

/** Small helpers for building test tensors and multipliers. */
final class TestUtil {
    private TestUtil() {}

    /** Quantized multiplier 1.0: 0.5 * 2^1. Multiplying by it is exact for every int32 accumulator. */
    static final int ONE_MULTIPLIER = 1 << 30;
    static final int ONE_SHIFT = 1;

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < -128 || values[i] > 127) {
                throw new IllegalArgumentException("not an int8: " + values[i]);
            }
            b[i] = (byte) values[i];
        }
        return b;
    }

    static int[] ints(byte[] b) {
        int[] v = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            v[i] = b[i];
        }
        return v;
    }

    static int[] filled(int n, int value) {
        int[] v = new int[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    static int[] multipliers(double... reals) {
        int[] m = new int[reals.length];
        for (int i = 0; i < reals.length; i++) {
            m[i] = QuantizedMultiplier.of(reals[i]).multiplier();
        }
        return m;
    }

    static int[] shifts(double... reals) {
        int[] s = new int[reals.length];
        for (int i = 0; i < reals.length; i++) {
            s[i] = QuantizedMultiplier.of(reals[i]).shift();
        }
        return s;
    }
}
