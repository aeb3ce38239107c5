/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sum;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.ReduceSums;

/** Reference rescaling int8 SUM, bytes read and written as uint8 as TFLite 2.21 does (see {@link SumParams}). */
public final class SumKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SumParams> KERNEL = SumKernel::run;

    private SumKernel() {}

    public static void run(SumParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        ReduceSums.accumulate(in[0].array(arena), in[0].start(), p.shape(), p.outStrides(), p.outputCount(), true,
                scratch);
        ReduceSums.requantize(scratch, p.outputCount(), p.inputZeroPoint(), p.count(), p.multiplier(), p.shift(),
                p.outputZeroPoint(), 0, 255, out[0].array(arena), out[0].start());
    }
}
