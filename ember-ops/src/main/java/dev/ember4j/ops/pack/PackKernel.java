/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pack;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.moves.CopyProgram;

/** Reference PACK: moves bytes only. */
public final class PackKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<PackParams> KERNEL = PackKernel::run;

    private PackKernel() {}

    public static void run(PackParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        CopyProgram.run(p.program(), in, out, arena);
    }
}
