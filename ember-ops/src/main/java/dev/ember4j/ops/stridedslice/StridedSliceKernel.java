/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.stridedslice;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.StridedCopy;

/** Reference STRIDED_SLICE: the output in order, each element read at start + index * stride per axis. */
public final class StridedSliceKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<StridedSliceParams> KERNEL = StridedSliceKernel::run;

    private StridedSliceKernel() {}

    public static void run(StridedSliceParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        StridedCopy.run(p.plan(), in[0].array(arena), in[0].start() + p.inputOffset(), out[0].array(arena),
                out[0].start());
    }
}
