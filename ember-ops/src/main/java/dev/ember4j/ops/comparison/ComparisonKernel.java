/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.comparison;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Le;

/**
 * Reference comparisons (TFLite's ComparisonWithScaling / BroadcastComparison4DSlowWithScaling for
 * int8 and uint8, ComparisonImpl / BroadcastComparison4DSlowImpl for the other types); BOOL output
 * stored as one byte, 1 or 0.
 */
public final class ComparisonKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ComparisonParams> KERNEL = ComparisonKernel::run;

    private ComparisonKernel() {}

    public static final int EQUAL = 0;
    public static final int NOT_EQUAL = 1;
    public static final int GREATER = 2;
    public static final int GREATER_EQUAL = 3;
    public static final int LESS = 4;
    public static final int LESS_EQUAL = 5;

    /** Rescaled (quantized) types. */
    public static final int INT8 = 0;
    public static final int UINT8 = 1;
    /** Types compared as stored. */
    public static final int INT16 = 2;
    public static final int INT32 = 3;
    public static final int INT64 = 4;
    public static final int FLOAT32 = 5;
    public static final int BOOL = 6;

    private static final BroadcastRows.Row<ComparisonParams> ROW = ComparisonKernel::row;

    public static void run(ComparisonParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    /** x1, x2, o: element indices (the output holds one byte per element). */
    private static void row(ComparisonParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        int op = p.op();
        switch (p.type()) {
            case INT8, UINT8 -> {
                int mask = p.type() == UINT8 ? 0xff : -1;
                int shift = 1 << p.leftShift();
                for (int i = 0; i < n; i++) {
                    int u = (p.input1Offset() + (a[as + x1 + i * st1] & mask)) * shift;
                    int v = (p.input2Offset() + (b[bs + x2 + i * st2] & mask)) * shift;
                    int su = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(u, p.input1Multiplier(),
                            p.input1Shift());
                    int sv = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v, p.input2Multiplier(),
                            p.input2Shift());
                    y[ys + o + i] = bool(test(op, Integer.compare(su, sv)));
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    short u = Le.i16(a, as + 2 * (x1 + i * st1));
                    short v = Le.i16(b, bs + 2 * (x2 + i * st2));
                    y[ys + o + i] = bool(test(op, Integer.compare(u, v)));
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    int u = Le.i32(a, as + 4 * (x1 + i * st1));
                    int v = Le.i32(b, bs + 4 * (x2 + i * st2));
                    y[ys + o + i] = bool(test(op, Integer.compare(u, v)));
                }
            }
            case INT64 -> {
                for (int i = 0; i < n; i++) {
                    long u = Le.i64(a, as + 8 * (x1 + i * st1));
                    long v = Le.i64(b, bs + 8 * (x2 + i * st2));
                    y[ys + o + i] = bool(test(op, Long.compare(u, v)));
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    float u = Le.f32(a, as + 4 * (x1 + i * st1));
                    float v = Le.f32(b, bs + 4 * (x2 + i * st2));
                    y[ys + o + i] = bool(testFloat(op, u, v));
                }
            }
            default -> { // BOOL: C++ compares the bytes as bools (non-zero is true)
                for (int i = 0; i < n; i++) {
                    int u = a[as + x1 + i * st1] != 0 ? 1 : 0;
                    int v = b[bs + x2 + i * st2] != 0 ? 1 : 0;
                    y[ys + o + i] = bool(test(op, Integer.compare(u, v)));
                }
            }
        }
    }

    private static byte bool(boolean v) {
        return (byte) (v ? 1 : 0);
    }

    /** The comparison from the sign of (lhs - rhs). */
    static boolean test(int op, int c) {
        return switch (op) {
            case EQUAL -> c == 0;
            case NOT_EQUAL -> c != 0;
            case GREATER -> c > 0;
            case GREATER_EQUAL -> c >= 0;
            case LESS -> c < 0;
            default -> c <= 0;
        };
    }

    /** IEEE comparison: every ordered test of NaN is false, != is true. */
    static boolean testFloat(int op, float u, float v) {
        return switch (op) {
            case EQUAL -> u == v;
            case NOT_EQUAL -> u != v;
            case GREATER -> u > v;
            case GREATER_EQUAL -> u >= v;
            case LESS -> u < v;
            default -> u <= v;
        };
    }
}
