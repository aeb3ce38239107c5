/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mean;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.ReduceSums;

/** Reference int8 MEAN: int32 sums in scratch, then one requantization per output element. */
public final class MeanKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<MeanParams> KERNEL = MeanKernel::run;

    private MeanKernel() {}

    public static void run(MeanParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        ReduceSums.accumulate(in[0].array(arena), in[0].start(), p.shape(), p.outStrides(), p.outputCount(), false,
                scratch);
        ReduceSums.requantize(scratch, p.outputCount(), p.inputZeroPoint(), p.count(), p.multiplier(), p.shift(),
                p.outputZeroPoint(), -128, 127, out[0].array(arena), out[0].start());
    }
}
