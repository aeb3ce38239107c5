/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.cast;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.elementwise.X86;
import dev.ember4j.ops.common.Le;

/**
 * TFLite's CAST: C++ static_cast between the element types, except that float to int32 saturates
 * (NaN to INT32_MAX) and float to int16 and uint8 clamp before truncating, as TFLite 2.21's cast.cc
 * does. Other float to integer casts truncate toward zero; out of range they follow the x86 scalar
 * conversion (the int32 "indefinite" value, then the low bits). Integers narrow to their low bits.
 * Any non-zero value is true; true is 1.
 */
public final class CastKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<CastParams> KERNEL = CastKernel::run;

    private CastKernel() {}

    public static final int INT8 = 0;
    public static final int UINT8 = 1;
    public static final int INT16 = 2;
    public static final int INT32 = 3;
    public static final int INT64 = 4;
    public static final int FLOAT32 = 5;
    public static final int BOOL = 6;

    private static final int[] BYTES = {1, 1, 2, 4, 8, 4, 1};

    public static int bytes(int type) {
        return BYTES[type];
    }

    public static void run(CastParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int n = p.count();
        int from = p.from();
        int to = p.to();
        int ib = BYTES[from];
        int ob = BYTES[to];
        if (from == FLOAT32) {
            for (int i = 0; i < n; i++) {
                fromFloat(Le.f32(x, xs + 4 * i), to, y, ys + ob * i);
            }
        } else {
            for (int i = 0; i < n; i++) {
                fromInteger(read(from, x, xs + ib * i), to, y, ys + ob * i);
            }
        }
    }

    static long read(int type, byte[] a, int at) {
        return switch (type) {
            case INT8 -> a[at];
            case UINT8 -> a[at] & 0xff;
            case INT16 -> Le.i16(a, at);
            case INT32 -> Le.i32(a, at);
            case INT64 -> Le.i64(a, at);
            default -> a[at] != 0 ? 1 : 0; // BOOL
        };
    }

    static void fromInteger(long v, int to, byte[] y, int at) {
        switch (to) {
            case INT8, UINT8 -> y[at] = (byte) v;
            case INT16 -> Le.i16(y, at, (short) v);
            case INT32 -> Le.i32(y, at, (int) v);
            case INT64 -> Le.i64(y, at, v);
            case FLOAT32 -> Le.f32(y, at, (float) v); // round to nearest, as the C++ conversion
            default -> y[at] = (byte) (v != 0 ? 1 : 0);
        }
    }

    static void fromFloat(float v, int to, byte[] y, int at) {
        switch (to) {
            case INT8 -> y[at] = (byte) X86.toInt32(v);
            case UINT8 -> y[at] = (byte) X86.toInt32(clamp(v, 0f, 255f));
            case INT16 -> Le.i16(y, at, (short) X86.toInt32(clamp(v, -32768f, 32767f)));
            case INT32 -> Le.i32(y, at, v <= 2147483520f ? (int) Math.max(v, -2147483648f) : Integer.MAX_VALUE);
            case INT64 -> Le.i64(y, at, X86.toInt64(v));
            case FLOAT32 -> Le.f32(y, at, v);
            default -> y[at] = (byte) (v != 0f ? 1 : 0); // NaN is true, -0.0 false
        }
    }

    /** std::max(std::min(v, hi), lo) with std::min/max's NaN behaviour (NaN passes through). */
    private static float clamp(float v, float lo, float hi) {
        float m = hi < v ? hi : v;
        return m < lo ? lo : m;
    }
}
