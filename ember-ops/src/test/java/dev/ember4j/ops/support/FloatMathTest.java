/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.ops.common.FloatMath;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * FloatMath against values TFLite 2.21 BUILTIN_REF produced (EXP, TANH, LOGISTIC float models over 5
 * million inputs matched bit for bit while this was written; the f32_exp, f32_tanh, f32_logistic and
 * f32_softmax_* goldens keep checking it). Here: inputs where Java's double functions rounded to float
 * differ from glibc, so a regression to Math.exp / Math.tanh / Math.log fails. logf was compared with
 * glibc 2.36's on all 2^32 floats (a C loop over logf piped into the Java port: no difference).
 */
class FloatMathTest {
    private static void bits(int expected, float actual) {
        assertEquals(Integer.toHexString(expected), Integer.toHexString(Float.floatToRawIntBits(actual)));
    }

    private static float f(int bits) {
        return Float.intBitsToFloat(bits);
    }

    @Test
    void expfIsGlibcs() {
        bits(0x32095f4a, FloatMath.expf(f(0xc195278c)));  // -18.64431
        bits(0x39bc20f9, FloatMath.expf(f(0xc0fdd86e)));  // -7.9326696
        bits(0x4d048e01, FloatMath.expf(f(0x4195ffe0)));  // 18.749939
        assertNotEquals(0x4d048e01, Float.floatToRawIntBits((float) Math.exp(f(0x4195ffe0))));
        // the two inputs where glibc's fused multiply-adds change the result
        bits(0x56fc9f1c, FloatMath.expf(f(0x4202422f)));
        bits(0x11fa2993, FloatMath.expf(f(0xc27c65d9)));
    }

    @Test
    void expfEdges() {
        bits(0x3f800000, FloatMath.expf(0f));
        bits(0x3f800000, FloatMath.expf(-0f));
        bits(0x7f800000, FloatMath.expf(Float.POSITIVE_INFINITY));
        bits(0, FloatMath.expf(Float.NEGATIVE_INFINITY));
        bits(0x7f800000, FloatMath.expf(88.8f));
        bits(0, FloatMath.expf(-104f));
        assertEquals(0x7fc00000, Float.floatToRawIntBits(FloatMath.expf(Float.NaN)));
    }

    @Test
    void tanhfIsGlibcs() {
        bits(0x3ee18ab0, FloatMath.tanhf(f(0x3ef21b5c)));  // 0.472865
        bits(0xbf4f0eea, FloatMath.tanhf(f(0xbf8fd27e)));  // -1.1236112
        bits(0x3f70e5d6, FloatMath.tanhf(f(0x3fdf9636)));  // 1.7467716
        assertNotEquals(0x3f70e5d6, Float.floatToRawIntBits((float) Math.tanh(f(0x3fdf9636))));
        bits(0x3f800000, FloatMath.tanhf(30f));
        bits(0x80000000, FloatMath.tanhf(-0f));
    }

    @Test
    void logfIsGlibcs() {
        // glibc 2.36's logf; (float) Math.log gives the neighbouring float for each of these
        bits(0x39ab08dc, FloatMath.logf(f(0x3f800ab1)));  // 1.00032628
        bits(0x3a0ec60c, FloatMath.logf(f(0x3f8011da)));  // 1.00054479
        bits(0xc0dd0c1e, FloatMath.logf(f(0x3a83134d)));  // 0.00100002589
        bits(0x409367f1, FloatMath.logf(f(0x42c840f3)));  // 100.126854
        bits(0x409369c1, FloatMath.logf(f(0x42c84c4b)));  // 100.14901
        assertNotEquals(0x409369c1, Float.floatToRawIntBits((float) Math.log(f(0x42c84c4b))));
    }

    @Test
    void logfEdges() {
        bits(0, FloatMath.logf(1f));
        bits(0xff800000, FloatMath.logf(0f));
        bits(0xff800000, FloatMath.logf(-0f));
        bits(0x7f800000, FloatMath.logf(Float.POSITIVE_INFINITY));
        bits(0xffc00000, FloatMath.logf(-1f));                 // x86's default NaN
        bits(0xffc00000, FloatMath.logf(Float.NEGATIVE_INFINITY));
        bits(0x7fc00001, FloatMath.logf(f(0x7f800001)));       // a NaN comes back quieted
        bits(0xc2ce8ed0, FloatMath.logf(f(0x00000001)));       // the smallest subnormal
        bits(0xc2aeac50, FloatMath.logf(f(0x00800000)));       // the smallest normal
        bits(0x3f317218, FloatMath.logf(2f));
    }

    @Test
    void logisticAsTflitesReferenceKernel() {
        bits(0x393a977e, FloatMath.logistic(f(0xc10a2438)));  // -8.633842
        bits(0x3e151187, FloatMath.logistic(f(0xbfe286d6)));  // -1.7697399
        bits(0x3614146d, FloatMath.logistic(f(0xc150629d)));  // -13.0240755: expf(x) below -9
        bits(0x3f800000, FloatMath.logistic(17f));
    }
}
