/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reversev2;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/** TFLite's Reverse: raw element copies, block {@code s} of each outer slice to block {@code span - 1 - s}. */
public final class ReverseV2Kernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ReverseV2Params> KERNEL = ReverseV2Kernel::run;

    private ReverseV2Kernel() {}

    public static void run(ReverseV2Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int block = p.inner() * p.elementBytes();
        int span = p.span();
        for (int o = 0; o < p.outer(); o++) {
            int base = o * span * block;
            for (int s = 0; s < span; s++) {
                System.arraycopy(x, xs + base + s * block, y, ys + base + (span - 1 - s) * block, block);
            }
        }
    }
}
