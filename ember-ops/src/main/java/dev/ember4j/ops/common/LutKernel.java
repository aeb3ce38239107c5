/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/** Table lookup of int8 elements, indexed by the element's byte as unsigned. */
public final class LutKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<LutParams> KERNEL = LutKernel::run;

    private LutKernel() {}

    public static void run(LutParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        byte[] table = p.table();
        int n = p.count();
        for (int i = 0; i < n; i++) {
            y[ys + i] = table[x[xs + i] & 0xff];
        }
    }
}
