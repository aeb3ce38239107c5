/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.spacetobatchnd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.moves.CopyProgram;

/** Reference SPACE_TO_BATCH_ND: pad value everywhere, then the input blocks. */
public final class SpaceToBatchNdKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SpaceToBatchNdParams> KERNEL = SpaceToBatchNdKernel::run;

    private SpaceToBatchNdKernel() {}

    public static void run(SpaceToBatchNdParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        byte[] v = p.padValue();
        for (int i = 0; i < p.outputBytes(); i += v.length) {
            for (int k = 0; k < v.length; k++) {
                y[ys + i + k] = v[k];
            }
        }
        CopyProgram.run(p.program(), in, out, arena);
    }
}
