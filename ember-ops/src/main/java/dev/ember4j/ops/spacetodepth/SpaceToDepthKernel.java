/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.spacetodepth;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.moves.CopyProgram;

/** Reference SPACE_TO_DEPTH: moves bytes only. */
public final class SpaceToDepthKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SpaceToDepthParams> KERNEL = SpaceToDepthKernel::run;

    private SpaceToDepthKernel() {}

    public static void run(SpaceToDepthParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        CopyProgram.run(p.program(), in, out, arena);
    }
}
