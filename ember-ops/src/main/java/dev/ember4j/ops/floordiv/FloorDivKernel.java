/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floordiv;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Le;

/**
 * Reference FLOOR_DIV (TFLite's floor_div.cc): {@code floor((double) x1 / (double) x2)} converted back to
 * the tensors' type. For int32 the conversion is x86's (a quotient beyond the int range, MIN_VALUE / -1,
 * gives MIN_VALUE, as TFLite). For int8 and int16 the only quotient out of range is MIN / -1, and TFLite
 * 2.21's x86 build converts it in two ways: inputs of equal shapes run through a loop the compiler
 * vectorized in blocks of 8 elements with a saturating pack (MAX), the remaining n % 8 elements and every
 * broadcasting operation through the scalar conversion, which keeps the low bits (MIN); Ember4j
 * reproduces both ({@link FloorDivParams#saturateBelow}). TFLite fails the inference on any zero
 * divisor; Ember4j writes 0 for an integer x / 0 and, for float32, the IEEE result of the formula (floor(±inf) = ±inf, 0 / 0 = NaN).
 */
public final class FloorDivKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<FloorDivParams> KERNEL = FloorDivKernel::run;

    private FloorDivKernel() {}

    public static final int INT8 = 0;
    public static final int INT16 = 1;
    public static final int INT32 = 2;
    public static final int FLOAT32 = 3;

    public static int bytes(int type) {
        return type == INT8 ? 1 : type == INT16 ? 2 : 4;
    }

    private static final BroadcastRows.Row<FloorDivParams> ROW = FloorDivKernel::row;

    public static void run(FloorDivParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(FloorDivParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        int sat = p.saturateBelow();
        switch (p.type()) {
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    int q = intDiv(a[as + x1 + i * st1], b[bs + x2 + i * st2]);
                    y[ys + o + i] = (byte) (o + i < sat ? Math.min(q, Byte.MAX_VALUE) : q);
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    int u = Le.i16(a, as + 2 * (x1 + i * st1));
                    int v = Le.i16(b, bs + 2 * (x2 + i * st2));
                    int q = intDiv(u, v);
                    Le.i16(y, ys + 2 * (o + i), (short) (o + i < sat ? Math.min(q, Short.MAX_VALUE) : q));
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    int u = Le.i32(a, as + 4 * (x1 + i * st1));
                    int v = Le.i32(b, bs + 4 * (x2 + i * st2));
                    Le.i32(y, ys + 4 * (o + i), intDiv(u, v));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    float u = Le.f32(a, as + 4 * (x1 + i * st1));
                    float v = Le.f32(b, bs + 4 * (x2 + i * st2));
                    Le.f32(y, ys + 4 * (o + i), floatDiv(u, v));
                }
            }
        }
    }

    /** floor(u / v) in double, converted as x86's cvttsd2si (out of range gives MIN_VALUE); 0 for v == 0. */
    static int intDiv(int u, int v) {
        if (v == 0) {
            return 0;
        }
        double q = Math.floor((double) u / (double) v);
        return q >= 2147483648.0 || q < -2147483648.0 ? Integer.MIN_VALUE : (int) q;
    }

    static float floatDiv(float u, float v) {
        return (float) Math.floor((double) u / (double) v);
    }
}
