/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.slice;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.StridedCopy;

/** Reference SLICE: the box {@code [begin, begin + size)} of the input, in order. */
public final class SliceKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SliceParams> KERNEL = SliceKernel::run;

    private SliceKernel() {}

    public static void run(SliceParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        StridedCopy.run(p.plan(), in[0].array(arena), in[0].start() + p.inputOffset(), out[0].array(arena),
                out[0].start());
    }
}
