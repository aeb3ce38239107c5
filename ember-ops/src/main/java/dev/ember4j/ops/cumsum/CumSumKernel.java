/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.cumsum;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;

/**
 * TFLite's CUMSUM: one running sum per (outer, inner) line along the axis, started at 0, in the tensor's
 * own type (float32 adds in float in order; int32 and int64 wrap). Exclusive writes the sum before the
 * element is added; reverse walks the axis from its end.
 */
public final class CumSumKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<CumSumParams> KERNEL = CumSumKernel::run;

    private CumSumKernel() {}

    public static final int FLOAT32 = 0;
    public static final int INT32 = 1;
    public static final int INT64 = 2;

    /**
     * {@code acc + v} with x86's NaN choice for {@code addss acc, v}: a NaN sum keeps its own bits (Java
     * may commute the operands and return v's NaN); inf + -inf is the hardware's default NaN either way.
     */
    static float add(float acc, float v) {
        return Float.isNaN(acc) ? acc : acc + v;
    }

    public static void run(CumSumParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int depth = p.depth();
        int inner = p.inner();
        boolean exclusive = p.exclusive();
        // element index = (o * depth + d) * inner + i; reverse visits d from depth - 1 down
        int first = p.reverse() ? depth - 1 : 0;
        int step = p.reverse() ? -inner : inner;
        for (int o = 0; o < p.outer(); o++) {
            for (int i = 0; i < inner; i++) {
                int e = (o * depth + first) * inner + i;
                switch (p.type()) {
                    case FLOAT32 -> {
                        float acc = 0f;
                        for (int d = 0; d < depth; d++, e += step) {
                            float v = Le.f32(x, xs + 4 * e);
                            if (exclusive) {
                                Le.f32(y, ys + 4 * e, acc);
                                acc = add(acc, v);
                            } else {
                                acc = add(acc, v);
                                Le.f32(y, ys + 4 * e, acc);
                            }
                        }
                    }
                    case INT32 -> {
                        int acc = 0;
                        for (int d = 0; d < depth; d++, e += step) {
                            int v = Le.i32(x, xs + 4 * e);
                            if (exclusive) {
                                Le.i32(y, ys + 4 * e, acc);
                                acc += v;
                            } else {
                                acc += v;
                                Le.i32(y, ys + 4 * e, acc);
                            }
                        }
                    }
                    default -> {
                        long acc = 0;
                        for (int d = 0; d < depth; d++, e += step) {
                            long v = Le.i64(x, xs + 8 * e);
                            if (exclusive) {
                                Le.i64(y, ys + 8 * e, acc);
                                acc += v;
                            } else {
                                acc += v;
                                Le.i64(y, ys + 8 * e, acc);
                            }
                        }
                    }
                }
            }
        }
    }
}
