/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transpose;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.StridedCopy;

/** Reference TRANSPOSE: output element (i0..in) is input element (i at perm positions). */
public final class TransposeKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<TransposeParams> KERNEL = TransposeKernel::run;

    private TransposeKernel() {}

    public static void run(TransposeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        StridedCopy.run(p.plan(), in[0].array(arena), in[0].start(), out[0].array(arena), out[0].start());
    }
}
