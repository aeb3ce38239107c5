/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;

/**
 * A kernel from input 0 to output 0 that computes ranges of "units" (output rows of a convolution,
 * output channels of FULLY_CONNECTED): a whole run is units [0, {@link RowShaped#units}); threads may run parts
 * of the first {@link #rows} units. Checks the tensors against the operator's sizes before the subclass
 * touches a byte, for reference and accelerated kernels alike.
 */
public abstract class RowKernel<P extends RowShaped> implements OpKernel<P>, RowSplit<P> {

    /** Units [from, to) of the operator on checked arrays. */
    protected abstract void compute(P p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                                    int from, int to);

    /** Units threads may split (all of them by default; 0 where the operator runs only whole). */
    @Override
    public int rows(P p) {
        return p.units();
    }

    @Override
    public final void run(P p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        call(p, in, out, arena, 0, p.units(), p.units());
    }

    @Override
    public final void runRows(P p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        call(p, in, out, arena, from, to, rows(p));
    }

    private void call(P p, Slot[] in, Slot[] out, byte[] arena, int from, int to, int limit) {
        byte[] input = in[0].array(arena);
        byte[] output = out[0].array(arena);
        ImageRows.check(input, in[0].start(), p.inputSize(), output, out[0].start(), p.outputSize(), from, to, limit);
        compute(p, input, in[0].start(), output, out[0].start(), from, to);
    }
}
