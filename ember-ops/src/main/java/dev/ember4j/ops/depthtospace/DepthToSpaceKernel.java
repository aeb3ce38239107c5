/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthtospace;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.moves.CopyProgram;

/** Reference DEPTH_TO_SPACE: moves bytes only. */
public final class DepthToSpaceKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<DepthToSpaceParams> KERNEL = DepthToSpaceKernel::run;

    private DepthToSpaceKernel() {}

    public static void run(DepthToSpaceParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        CopyProgram.run(p.program(), in, out, arena);
    }
}
