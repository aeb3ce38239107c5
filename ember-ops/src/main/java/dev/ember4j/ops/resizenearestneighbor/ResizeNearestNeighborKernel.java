/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizenearestneighbor;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/** Reference RESIZE_NEAREST_NEIGHBOR: copies the chosen input pixel (all channels) per output pixel. */
public final class ResizeNearestNeighborKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ResizeNearestNeighborParams> KERNEL = ResizeNearestNeighborKernel::run;

    private ResizeNearestNeighborKernel() {}

    public static void run(ResizeNearestNeighborParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int o = out[0].start();
        int pixel = p.pixelBytes();
        int rowBytes = p.inWidth() * pixel;
        int[] rows = p.rowIndex();
        int[] cols = p.columnIndex();
        for (int b = 0; b < p.batches(); b++) {
            int batchStart = xs + b * p.inHeight() * rowBytes;
            for (int r : rows) {
                int rowStart = batchStart + r * rowBytes;
                for (int c : cols) {
                    System.arraycopy(x, rowStart + c * pixel, y, o, pixel);
                    o += pixel;
                }
            }
        }
    }
}
