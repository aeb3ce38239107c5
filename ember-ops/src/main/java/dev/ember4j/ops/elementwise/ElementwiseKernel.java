/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elementwise;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.FloatMath;
import dev.ember4j.ops.common.Le;

/**
 * TFLite's float and plain-integer element-wise kernels: each function is evaluated as the C++ float
 * (or integer) expression is, with float results of double-precision library functions rounded to
 * float as glibc's float functions round (expf, logf, tanhf: {@link FloatMath}'s ports of glibc's; ELU's
 * expm1f as Java's double function rounded to float, not checked against glibc bit for bit).
 */
public final class ElementwiseKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ElementwiseParams> KERNEL = ElementwiseKernel::run;

    private ElementwiseKernel() {}

    public static final int ABS = 0;
    public static final int NEG = 1;
    public static final int SQRT = 2;
    public static final int RSQRT = 3;
    public static final int EXP = 4;
    public static final int LOG = 5;
    public static final int ELU = 6;
    public static final int FLOOR = 7;
    public static final int CEIL = 8;
    public static final int ROUND = 9;
    public static final int SQUARE = 10;
    public static final int SIN = 11;
    public static final int COS = 12;
    public static final int LOGISTIC = 13;
    public static final int TANH = 14;
    public static final int RELU = 15;
    public static final int RELU6 = 16;
    public static final int RELU_N1_TO_1 = 17;
    public static final int HARD_SWISH = 18;

    public static final int FLOAT32 = 0;
    public static final int INT32 = 1;
    public static final int INT64 = 2;

    public static void run(ElementwiseParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int n = p.count();
        int fn = p.fn();
        switch (p.type()) {
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    Le.f32(y, ys + 4 * i, apply(fn, Le.f32(x, xs + 4 * i)));
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    int v = Le.i32(x, xs + 4 * i);
                    Le.i32(y, ys + 4 * i, fn == ABS ? Math.abs(v) : -v); // both wrap at MIN_VALUE as the C++
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    long v = Le.i64(x, xs + 8 * i);
                    Le.i64(y, ys + 8 * i, fn == ABS ? Math.abs(v) : -v);
                }
            }
        }
    }

    /**
     * TFLite's RoundToNearest, step by step: floor, then up when the rest is above one half or exactly
     * one half of an odd floor. Unlike Math.rint, -0.3 gives +0.0 (floor -1, plus 1) and infinities
     * stay infinite (the rest is NaN, so the "up" branch adds 1).
     */
    static float roundHalfEven(float v) {
        float floor = (float) Math.floor(v);
        float diff = v - floor;
        if (diff < 0.5f || (diff == 0.5f && X86.toInt32(floor) % 2 == 0)) {
            return floor;
        }
        return floor + 1f;
    }

    /** The float function {@code fn} of one value. */
    public static float apply(int fn, float v) {
        return switch (fn) {
            case ABS -> Math.abs(v);
            case NEG -> -v;
            case SQRT -> (float) Math.sqrt(v); // correctly rounded, as sqrtf
            case RSQRT -> 1f / (float) Math.sqrt(v);
            case EXP -> FloatMath.expf(v);
            case LOG -> FloatMath.logf(v);
            case ELU -> v < 0f ? (float) Math.expm1(v) : v;
            case FLOOR -> (float) Math.floor(v); // exact: every float is a double
            case CEIL -> (float) Math.ceil(v);
            case ROUND -> roundHalfEven(v);
            case SQUARE -> v * v;
            case SIN -> Trig.sin(v);
            case COS -> Trig.cos(v);
            case LOGISTIC -> FloatMath.logistic(v);
            case TANH -> FloatMath.tanhf(v);
            case RELU -> v < 0f ? 0f : v;                        // Eigen cwiseMax(0): NaN and -0.0 pass
            case RELU6 -> min6(v < 0f ? 0f : v);                 // as TFLite's x86 build: NaN and -0.0 pass
            case RELU_N1_TO_1 -> v > 1f ? 1f : v < -1f ? -1f : v; // NaN passes
            case HARD_SWISH -> v * min6(0f < v + 3f ? v + 3f : 0f) / 6f;
            default -> throw new IllegalArgumentException("function " + fn);
        };
    }

    /** std::min(x, 6.f) for a non-NaN x. */
    private static float min6(float x) {
        return 6f < x ? 6f : x;
    }
}
