/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mirrorpad;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.moves.CopyProgram;

/** Reference MIRROR_PAD: moves bytes only. */
public final class MirrorPadKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<MirrorPadParams> KERNEL = MirrorPadKernel::run;

    private MirrorPadKernel() {}

    public static void run(MirrorPadParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        CopyProgram.run(p.program(), in, out, arena);
    }
}
