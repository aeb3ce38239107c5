/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.elementwise;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/**
 * Table lookup of int8 elements for a function defined only from {@code minValid} (the zero point) up:
 * SQRT and RSQRT. TFLite fails the invocation on an input below the zero point; Ember4j promises that a
 * model that loads always invokes, so such an input reads as the zero point instead (SQRT gives the
 * output for 0, RSQRT the maximum, as TFLite's RSQRT does for values close to 0). Inputs in the domain
 * are bit-exact with TFLite.
 */
public final class CheckedLutKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<CheckedLutParams> KERNEL = CheckedLutKernel::run;

    private CheckedLutKernel() {}

    public static void run(CheckedLutParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        byte[] table = p.table();
        int n = p.count();
        int minValid = p.minValid();
        for (int i = 0; i < n; i++) {
            int v = Math.max(x[xs + i], minValid);
            y[ys + i] = table[v & 0xff];
        }
    }
}
