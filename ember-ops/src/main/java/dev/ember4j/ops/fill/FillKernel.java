/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fill;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/** Reference FILL: repeats the scalar value input's bytes. */
public final class FillKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<FillParams> KERNEL = FillKernel::run;

    private FillKernel() {}

    public static void run(FillParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] v = in[0].array(arena);
        int vs = in[0].start();
        byte[] y = out[0].array(arena);
        int pos = out[0].start();
        int w = p.elemBytes();
        for (int i = 0; i < p.count(); i++) {
            for (int k = 0; k < w; k++) {
                y[pos++] = v[vs + k];
            }
        }
    }
}
