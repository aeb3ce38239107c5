/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

/**
 * Float arithmetic with the NaN results of x86 SSE, which TFLite's build runs: a NaN operand is returned
 * (quieted), the first one when both are NaN; an invalid operation on numbers (inf - inf, 0 * inf, 0 / 0)
 * gives the default NaN 0xFFC00000. Java leaves NaN payloads unspecified and its interpreter and JIT
 * order commutative operands differently, so kernels whose sums can meet two different NaNs (a NaN input
 * and an inf - inf) use these to keep the sign and payload bits of TFLite's NaN. Numbers are unaffected:
 * the plain IEEE operation is computed first, the NaN case only decided when its result is NaN.
 */
public final class X86Float {
    private X86Float() {}

    private static final float DEFAULT_NAN = Float.intBitsToFloat(0xffc00000);

    public static float add(float a, float b) {
        float r = a + b;
        return r != r ? nan(a, b) : r;
    }

    public static float sub(float a, float b) {
        float r = a - b;
        return r != r ? nan(a, b) : r;
    }

    public static float mul(float a, float b) {
        float r = a * b;
        return r != r ? nan(a, b) : r;
    }

    public static float div(float a, float b) {
        float r = a / b;
        return r != r ? nan(a, b) : r;
    }

    private static float nan(float a, float b) {
        if (a != a) {
            return Float.intBitsToFloat(Float.floatToRawIntBits(a) | 0x00400000);
        }
        if (b != b) {
            return Float.intBitsToFloat(Float.floatToRawIntBits(b) | 0x00400000);
        }
        return DEFAULT_NAN;
    }
}
