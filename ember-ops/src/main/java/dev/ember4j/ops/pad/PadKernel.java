/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pad;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.StridedCopy;

import java.util.Arrays;

/** Reference PAD / PADV2: pad value outside the input's box, the input inside it. */
public final class PadKernel {
    private PadKernel() {}

    public static void run(PadParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        byte[] v = p.padValue();
        int n = p.outputBytes();
        if (v.length == 1) {
            Arrays.fill(y, ys, ys + n, v[0]);
        } else {
            for (int i = 0; i < n; i += v.length) {
                for (int k = 0; k < v.length; k++) {
                    y[ys + i + k] = v[k];
                }
            }
        }
        StridedCopy.run(p.plan(), in[0].array(arena), in[0].start(), y, ys + p.interiorOffset());
    }
}
