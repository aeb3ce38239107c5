/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elementwise;

/**
 * Float to integer conversions as TFLite's x86-64 build performs them where C++ leaves the result
 * undefined: {@code cvttss2si} truncates toward zero and yields the "integer indefinite" value (the
 * type's minimum) for NaN and for anything out of range, where Java would saturate.
 */
public final class X86 {
    private X86() {}

    /** static_cast&lt;int32_t&gt;(float) on x86: truncation, INT_MIN when NaN or out of range. */
    public static int toInt32(float f) {
        if (!(f > -2147483904f && f < 2147483648f)) { // NaN fails both comparisons
            return Integer.MIN_VALUE;
        }
        return (int) f;
    }

    /** static_cast&lt;int64_t&gt;(float) on x86: truncation, INT64_MIN when NaN or out of range. */
    public static long toInt64(float f) {
        if (!(f >= -9.223372036854775808E18f && f < 9.223372036854775808E18f)) {
            return Long.MIN_VALUE;
        }
        return (long) f;
    }
}
