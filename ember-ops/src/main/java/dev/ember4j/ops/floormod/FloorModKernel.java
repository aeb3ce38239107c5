/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floormod;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Le;

/**
 * Reference FLOOR_MOD (TFLite's reference_ops::FloorMod): the truncated remainder {@code t} (C++'s
 * {@code %} for integers, std::fmod in float for float32, which Java's {@code %} reproduces exactly),
 * then {@code t + x2} when t is non-zero and its sign differs from x2's, so the result takes the
 * divisor's sign (Python's modulo). A float divisor of 0 gives NaN (fmod), as in TFLite. TFLite fails the
 * inference on an integer divisor of 0 and traps on MIN_VALUE % -1 (int32, int64); Ember4j writes 0 for
 * both.
 */
public final class FloorModKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<FloorModParams> KERNEL = FloorModKernel::run;

    private FloorModKernel() {}

    public static final int INT8 = 0;
    public static final int INT16 = 1;
    public static final int INT32 = 2;
    public static final int INT64 = 3;
    public static final int FLOAT32 = 4;

    public static int bytes(int type) {
        return switch (type) {
            case INT8 -> 1;
            case INT16 -> 2;
            case INT64 -> 8;
            default -> 4;
        };
    }

    private static final BroadcastRows.Row<FloorModParams> ROW = FloorModKernel::row;

    public static void run(FloorModParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(FloorModParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        switch (p.type()) {
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    y[ys + o + i] = (byte) intMod(a[as + x1 + i * st1], b[bs + x2 + i * st2]);
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    int u = Le.i16(a, as + 2 * (x1 + i * st1));
                    int v = Le.i16(b, bs + 2 * (x2 + i * st2));
                    Le.i16(y, ys + 2 * (o + i), (short) intMod(u, v));
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    int u = Le.i32(a, as + 4 * (x1 + i * st1));
                    int v = Le.i32(b, bs + 4 * (x2 + i * st2));
                    Le.i32(y, ys + 4 * (o + i), intMod(u, v));
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    long u = Le.i64(a, as + 8 * (x1 + i * st1));
                    long v = Le.i64(b, bs + 8 * (x2 + i * st2));
                    Le.i64(y, ys + 8 * (o + i), longMod(u, v));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    float u = Le.f32(a, as + 4 * (x1 + i * st1));
                    float v = Le.f32(b, bs + 4 * (x2 + i * st2));
                    Le.f32(y, ys + 4 * (o + i), floatMod(u, v));
                }
            }
        }
    }

    /** 0 for v == 0; Java's MIN_VALUE % -1 is 0. */
    static int intMod(int u, int v) {
        if (v == 0) {
            return 0;
        }
        int t = u % v;
        return t != 0 && ((v < 0) != (t < 0)) ? t + v : t;
    }

    static long longMod(long u, long v) {
        if (v == 0) {
            return 0;
        }
        long t = u % v;
        return t != 0 && ((v < 0) != (t < 0)) ? t + v : t;
    }

    static float floatMod(float u, float v) {
        float t = u % v;
        return t != 0 && ((v < 0) != (t < 0)) ? t + v : t;
    }
}
