/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unpack;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.moves.CopyProgram;

/** Reference UNPACK: moves bytes only. */
public final class UnpackKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<UnpackParams> KERNEL = UnpackKernel::run;

    private UnpackKernel() {}

    public static void run(UnpackParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        CopyProgram.run(p.program(), in, out, arena);
    }
}
