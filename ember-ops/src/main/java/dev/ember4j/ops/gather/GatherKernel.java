/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gather;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.moves.Blocks;

/** Reference GATHER: block copies at offsets resolved from the constant indices. */
public final class GatherKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<GatherParams> KERNEL = GatherKernel::run;

    private GatherKernel() {}

    public static void run(GatherParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        Blocks.run(p.blockBytes(), p.srcOffsets(), in, out, arena);
    }
}
