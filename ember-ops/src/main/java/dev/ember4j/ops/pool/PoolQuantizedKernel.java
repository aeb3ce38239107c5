/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Elem;

/**
 * TFLite's reference AveragePool and MaxPool for int16 (reference_integer_ops) and uint8 (reference_ops):
 * int32 window sums divided with rounding half away from zero (padding never counts), or the window maximum
 * starting from the type's minimum; then clamped to the activation range.
 */
public final class PoolQuantizedKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<PoolQuantizedParams> AVERAGE = PoolQuantizedKernel::average;

    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<PoolQuantizedParams> MAX = PoolQuantizedKernel::max;

    private PoolQuantizedKernel() {}

    public static void average(PoolQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        run(p, in[0].array(arena), in[0].start(), out[0].array(arena), out[0].start(), true);
    }

    public static void max(PoolQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        run(p, in[0].array(arena), in[0].start(), out[0].array(arena), out[0].start(), false);
    }

    private static void run(PoolQuantizedParams p, byte[] x, int xs, byte[] y, int ys, boolean average) {
        int elem = p.elem();
        int ih = p.inputHeight();
        int iw = p.inputWidth();
        int depth = p.depth();
        int rowStride = iw * depth;
        int batchStride = ih * rowStride;
        int initialMax = Elem.min(elem);
        int o = 0;
        for (int b = 0; b < p.batches(); b++) {
            int batch = b * batchStride;
            for (int oy = 0; oy < p.outputHeight(); oy++) {
                int inY = oy * p.strideHeight() - p.padTop();
                int fy0 = Math.max(0, -inY);
                int fy1 = Math.min(p.filterHeight(), ih - inY);
                for (int ox = 0; ox < p.outputWidth(); ox++) {
                    int inX = ox * p.strideWidth() - p.padLeft();
                    int fx0 = Math.max(0, -inX);
                    int fx1 = Math.min(p.filterWidth(), iw - inX);
                    int count = Math.max(0, fy1 - fy0) * Math.max(0, fx1 - fx0);
                    for (int c = 0; c < depth; c++) {
                        int acc = average ? 0 : initialMax;
                        for (int fy = fy0; fy < fy1; fy++) {
                            int row = batch + (inY + fy) * rowStride + c;
                            for (int fx = fx0; fx < fx1; fx++) {
                                int v = Elem.get(elem, x, xs, row + (inX + fx) * depth);
                                acc = average ? acc + v : Math.max(acc, v);
                            }
                        }
                        int r;
                        if (!average) {
                            r = acc;
                        } else if (count == 0) {
                            r = 0; // SAME/VALID windows are never empty (TFLite fails on one); kept defined
                        } else if (acc > 0) {
                            r = (acc + count / 2) / count;
                        } else {
                            r = (acc - count / 2) / count;
                        }
                        Elem.put(elem, y, ys, o++, Math.max(p.activationMin(), Math.min(p.activationMax(), r)));
                    }
                }
            }
        }
    }
}
