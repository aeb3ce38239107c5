/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizebilinear;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/** Reference int8 RESIZE_BILINEAR in Q10 fixed point with 64-bit accumulation. */
public final class ResizeBilinearKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ResizeBilinearParams> KERNEL = ResizeBilinearKernel::run;

    private ResizeBilinearKernel() {}

    public static void run(ResizeBilinearParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int o = out[0].start();
        int depth = p.depth();
        int rowLen = p.inWidth() * depth;
        int[] y0 = p.y0();
        int[] y1 = p.y1();
        int[] dy = p.dy();
        int[] x0 = p.x0();
        int[] x1 = p.x1();
        int[] dx = p.dx();
        for (int b = 0; b < p.batches(); b++) {
            int base = xs + b * p.inHeight() * rowLen;
            for (int r = 0; r < y0.length; r++) {
                int top = base + y0[r] * rowLen;
                int bottom = base + y1[r] * rowLen;
                long wy1 = dy[r];
                long wy0 = 1024 - wy1;
                for (int c = 0; c < x0.length; c++) {
                    int l = x0[c] * depth;
                    int rt = x1[c] * depth;
                    long wx1 = dx[c];
                    long wx0 = 1024 - wx1;
                    for (int ch = 0; ch < depth; ch++) {
                        long sum = x[top + l + ch] * wy0 * wx0
                                + x[bottom + l + ch] * wy1 * wx0
                                + x[top + rt + ch] * wy0 * wx1
                                + x[bottom + rt + ch] * wy1 * wx1;
                        long round = sum > 0 ? (1L << 19) : -(1L << 19);
                        y[o++] = (byte) ((sum + round) / (1L << 20));
                    }
                }
            }
        }
    }
}
