/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.dynamicupdateslice;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;

import java.util.Objects;

/** Reference DYNAMIC_UPDATE_SLICE (TFLite's dynamic_update_slice.cc): copy the operand, then the update rows. */
public final class DynamicUpdateSliceKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<DynamicUpdateSliceParams> KERNEL = DynamicUpdateSliceKernel::run;

    private DynamicUpdateSliceKernel() {}

    public static void run(DynamicUpdateSliceParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        final int eb = p.elemBytes();
        final int[] shape = p.operandShape();
        final int[] strides = p.operandStrides();
        final int[] upd = p.updateShape();
        final int rank = shape.length;
        byte[] x = in[0].array(arena);
        byte[] u = in[1].array(arena);
        byte[] ix = in[2].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int us = in[1].start();
        int is = in[2].start();
        int ys = out[0].start();
        int total = p.operandElements() * eb;
        Objects.checkFromIndexSize(xs, total, x.length);
        Objects.checkFromIndexSize(ys, total, y.length);
        Objects.checkFromIndexSize(us, p.updateElements() * eb, u.length);
        Objects.checkFromIndexSize(is, rank * p.indexBytes(), ix.length);
        if (x != y || xs != ys) {
            System.arraycopy(x, xs, y, ys, total);
        }
        if (p.updateElements() == 0) {
            return;
        }
        // the clamped start of the update, as an element offset into the operand
        long base = 0;
        for (int d = 0; d < rank; d++) {
            long start = p.indexBytes() == 8 ? Le.i64(ix, is + 8 * d) : Le.i32(ix, is + 4 * d);
            start = Math.max(0, Math.min(start, shape[d] - upd[d]));
            base += start * strides[d];
        }
        int rowElems = rank == 0 ? 1 : upd[rank - 1];
        int rows = p.updateElements() / rowElems;
        for (int r = 0; r < rows; r++) {
            long at = base;
            for (int d = rank - 2, rest = r; d >= 0; d--) { // the row's coordinates, innermost first
                at += (long) (rest % upd[d]) * strides[d];
                rest /= upd[d];
            }
            System.arraycopy(u, us + r * rowElems * eb, y, ys + (int) at * eb, rowElems * eb);
        }
    }
}
