/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.dequantize.DequantizeParams;
import dev.ember4j.ops.support.Elem;
import dev.ember4j.ops.support.Le;

import java.util.Objects;

/**
 * DEQUANTIZE int8 to float32 from a table: an output depends only on its int8 input, so the 256
 * float results, computed once with the reference's expression {@code (float) (scale * (x - zeroPoint))},
 * replace a double multiply and conversion per element by one lookup and one 32-bit store (a scalar
 * loop: gathering from the table in lanes would first need the indices as ints). Elements split for threads.
 */
final class DequantizeTable implements OpKernel<DequantizeParams>, RowSplit<DequantizeParams> {
    /** Float bits of the result for input x at [x + 128]. */
    private final int[] bits = new int[256];

    static boolean suits(DequantizeParams p) {
        return p.inputElem() == Elem.INT8;
    }

    DequantizeTable(DequantizeParams p) {
        for (int x = -128; x < 128; x++) {
            bits[x + 128] = Float.floatToRawIntBits((float) (p.scale() * (x - p.zeroPoint())));
        }
    }

    static long bytes() {
        return 256 * 4 + 64;
    }

    @Override
    public int scratchBytes(DequantizeParams p) {
        return 0;
    }

    @Override
    public void run(DequantizeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        runRows(p, in, out, arena, scratch, 0, p.count());
    }

    @Override
    public int rows(DequantizeParams p) {
        return p.count();
    }

    @Override
    public void runRows(DequantizeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        Objects.checkFromIndexSize(xs, p.count(), x.length);
        Objects.checkFromIndexSize(ys, Math.multiplyExact(4, p.count()), y.length);
        Objects.checkFromToIndex(from, to, p.count());
        final int[] t = bits;
        for (int i = from; i < to; i++) {
            Le.i32(y, ys + 4 * i, t[x[xs + i] + 128]);
        }
    }
}
