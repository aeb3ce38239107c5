/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.ops.common.FloatClamp;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.FloatActivation;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * Reference float pooling (TFLite's reference_ops::AveragePool and MaxPool for float) over the window
 * clipped to the image: the average is the float sum (from 0, row by row) divided by the float count of
 * the clipped window; the maximum starts at -FLT_MAX and takes std::max, so NaN inputs are skipped.
 * Both are then clamped to the fused activation's range.
 */
public final class PoolFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<PoolFloatParams> AVERAGE = PoolFloatKernel::average;

    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<PoolFloatParams> MAX = PoolFloatKernel::max;

    private PoolFloatKernel() {}

    public static void average(PoolFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        run(p, in, out, arena, false);
    }

    public static void max(PoolFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        run(p, in, out, arena, true);
    }

    private static void run(PoolFloatParams p, Slot[] in, Slot[] out, byte[] arena, boolean max) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int inH = p.inHeight();
        int inW = p.inWidth();
        int depth = p.depth();
        float lo = p.activationMin();
        float hi = p.activationMax();
        int o = 0;
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < p.outHeight(); oy++) {
                int iy0 = oy * p.strideHeight() - p.padTop();
                int fy0 = Math.max(0, -iy0);
                int fy1 = Math.min(p.filterHeight(), inH - iy0);
                for (int ox = 0; ox < p.outWidth(); ox++) {
                    int ix0 = ox * p.strideWidth() - p.padLeft();
                    int fx0 = Math.max(0, -ix0);
                    int fx1 = Math.min(p.filterWidth(), inW - ix0);
                    for (int c = 0; c < depth; c++) {
                        float total = 0f;
                        float count = 0f;
                        float m = -Float.MAX_VALUE;
                        for (int fy = fy0; fy < fy1; fy++) {
                            for (int fx = fx0; fx < fx1; fx++) {
                                float v = Le.f32(x, xs + 4 * (((b * inH + iy0 + fy) * inW + ix0 + fx) * depth + c));
                                total = X86Float.add(total, v);
                                count++;
                                m = m < v ? v : m;
                            }
                        }
                        float r = max ? m : X86Float.div(total, count);
                        Le.f32(y, ys + 4 * o++, FloatClamp.clamp(r, lo, hi));
                    }
                }
            }
        }
    }
}
