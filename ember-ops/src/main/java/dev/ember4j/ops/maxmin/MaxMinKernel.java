/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.maxmin;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Le;

/**
 * Reference MAXIMUM / MINIMUM (TFLite's MaximumMinimumBroadcastSlow): {@code a > b ? a : b} or
 * {@code a < b ? a : b} per element, in the tensors' own type.
 */
public final class MaxMinKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<MaxMinParams> KERNEL = MaxMinKernel::run;

    private MaxMinKernel() {}

    public static final int INT8 = 0;
    public static final int UINT8 = 1;
    public static final int INT16 = 2;
    public static final int INT32 = 3;
    public static final int FLOAT32 = 4;
    public static final int INT64 = 5;

    public static int bytes(int type) {
        return switch (type) {
            case INT8, UINT8 -> 1;
            case INT16 -> 2;
            case INT32, FLOAT32 -> 4;
            default -> 8;
        };
    }

    private static final BroadcastRows.Row<MaxMinParams> ROW = MaxMinKernel::row;

    public static void run(MaxMinParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    /** Elements (not bytes) x1, x2 and o onward, {@code n} of them. */
    private static void row(MaxMinParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        boolean max = p.max();
        switch (p.type()) {
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    byte u = a[as + x1 + i * st1];
                    byte v = b[bs + x2 + i * st2];
                    y[ys + o + i] = max ? (u > v ? u : v) : (u < v ? u : v);
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    int u = a[as + x1 + i * st1] & 0xff;
                    int v = b[bs + x2 + i * st2] & 0xff;
                    y[ys + o + i] = (byte) (max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    short u = Le.i16(a, as + 2 * (x1 + i * st1));
                    short v = Le.i16(b, bs + 2 * (x2 + i * st2));
                    Le.i16(y, ys + 2 * (o + i), max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    int u = Le.i32(a, as + 4 * (x1 + i * st1));
                    int v = Le.i32(b, bs + 4 * (x2 + i * st2));
                    Le.i32(y, ys + 4 * (o + i), max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    float u = Le.f32(a, as + 4 * (x1 + i * st1));
                    float v = Le.f32(b, bs + 4 * (x2 + i * st2));
                    // NaN compares false, so the second operand is taken, as in C++
                    Le.f32(y, ys + 4 * (o + i), max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    long u = Le.i64(a, as + 8 * (x1 + i * st1));
                    long v = Le.i64(b, bs + 8 * (x2 + i * st2));
                    Le.i64(y, ys + 8 * (o + i), max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
        }
    }
}
