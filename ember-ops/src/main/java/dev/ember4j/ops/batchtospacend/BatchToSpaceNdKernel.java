/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchtospacend;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.moves.CopyProgram;

/** Reference BATCH_TO_SPACE_ND: moves bytes only. */
public final class BatchToSpaceNdKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<BatchToSpaceNdParams> KERNEL = BatchToSpaceNdKernel::run;

    private BatchToSpaceNdKernel() {}

    public static void run(BatchToSpaceNdParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        CopyProgram.run(p.program(), in, out, arena);
    }
}
