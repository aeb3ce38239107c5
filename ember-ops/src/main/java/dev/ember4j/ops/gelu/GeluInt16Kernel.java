/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gelu;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Int16Lut;
import dev.ember4j.ops.common.Le;

/** TFLite's LookupTable for int16: interpolated table lookup per element. */
public final class GeluInt16Kernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<GeluInt16Params> KERNEL = GeluInt16Kernel::run;

    private GeluInt16Kernel() {}

    public static void run(GeluInt16Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int[] lut = p.lut();
        for (int i = 0, n = p.count(); i < n; i++) {
            Le.i16(y, ys + 2 * i, (short) Int16Lut.lookup(Le.i16(x, xs + 2 * i), lut));
        }
    }
}
