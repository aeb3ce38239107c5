/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.concatenation;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/** Reference CONCATENATION: block copies, no arithmetic (int8 inputs share the output's quantization). */
public final class ConcatenationKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ConcatenationParams> KERNEL = ConcatenationKernel::run;

    private ConcatenationKernel() {}

    public static void run(ConcatenationParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] y = out[0].array(arena);
        int pos = out[0].start();
        int[] copy = p.copyBytes();
        int n = copy.length;
        for (int k = 0; k < p.outer(); k++) {
            for (int i = 0; i < n; i++) {
                int c = copy[i];
                System.arraycopy(in[i].array(arena), in[i].start() + k * c, y, pos, c);
                pos += c;
            }
        }
    }
}
