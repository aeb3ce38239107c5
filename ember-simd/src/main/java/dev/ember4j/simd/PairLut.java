/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.BroadcastRows;

import java.util.Objects;

/**
 * An int8 binary operator whose output byte depends only on its two input bytes (MUL, say), with
 * numpy broadcasting over rank 6: one lookup per element in a 64 KiB table of every (x1, x2) pair.
 * The table is made by running the operator's own reference kernel once over all 65,536 pairs, so it
 * is exact by construction. Element-wise operators split by elements for threads.
 */
final class PairLut<P extends OperatorParams> implements OpKernel<P>, RowSplit<P> {
    /** Output elements from which an operator is tabulated (below, making the table costs more than it saves). */
    static final int MIN_SIZE = 4096;

    private final byte[] lut;
    private final int[] shape;
    private final int[] s1;
    private final int[] s2;
    private final int size;
    private final int extent1;
    private final int extent2;
    private final boolean elementwise;
    /** One output row of the reference's broadcast walk, made once (a run allocates no lambda). */
    private final BroadcastRows.Row<P> broadcastRow =
            (p, a, as, x1, st1, b, bs, x2, st2, y, ys, o, n) -> row(a, as + x1, st1, b, bs + x2, st2, y, ys + o, n);

    /**
     * @param lut     [(x1 + 128) * 256 + x2 + 128] -> output byte
     * @param shape   the rank-6 output shape; {@code s1}, {@code s2} the inputs' element strides (0 where broadcast)
     */
    PairLut(byte[] lut, int[] shape, int[] s1, int[] s2) {
        this.lut = lut;
        this.shape = shape.clone();
        this.s1 = s1.clone();
        this.s2 = s2.clone();
        long n = 1;
        long e1 = 1;
        long e2 = 1;
        for (int d = 0; d < 6; d++) {
            n *= shape[d];
            e1 += (long) (shape[d] - 1) * s1[d];
            e2 += (long) (shape[d] - 1) * s2[d];
        }
        this.size = Math.toIntExact(n);
        this.extent1 = Math.toIntExact(e1);
        this.extent2 = Math.toIntExact(e2);
        this.elementwise = dense(shape, s1) && dense(shape, s2);
    }

    /** The strides of a contiguous tensor of this shape. */
    private static boolean dense(int[] shape, int[] s) {
        int stride = 1;
        for (int d = 5; d >= 0; d--) {
            if (shape[d] != 1 && s[d] != stride) {
                return false;
            }
            stride *= shape[d];
        }
        return true;
    }

    /**
     * The table of an operator: its reference kernel run on a grid record ({@code grid}, the operator's
     * quantization over shape [1, 1, 1, 1, 1, 65536] with dense strides) for inputs that enumerate every pair.
     */
    static <Q extends OperatorParams> byte[] table(OpKernel<Q> reference, Q grid) {
        byte[] arena = new byte[3 * 65536];
        for (int i = 0; i < 65536; i++) {
            arena[i] = (byte) ((i >> 8) - 128);
            arena[65536 + i] = (byte) ((i & 0xff) - 128);
        }
        reference.run(grid, new Slot[] {Slot.arena(0), Slot.arena(65536)}, new Slot[] {Slot.arena(2 * 65536)}, arena,
                new byte[reference.scratchBytes(grid)]);
        byte[] t = new byte[65536];
        System.arraycopy(arena, 2 * 65536, t, 0, 65536);
        return t;
    }

    /** Shape and strides of the grid record: 65,536 elements, element-wise. */
    static final int[] GRID_SHAPE = {1, 1, 1, 1, 1, 65536};
    static final int[] GRID_STRIDES = {0, 0, 0, 0, 0, 1};

    /** Bytes one operator's kernel keeps besides its (shared, separately bounded) table. */
    static long bytes() {
        return 6 * 4 * 3 + 64;
    }

    @Override
    public int scratchBytes(P params) {
        return 0;
    }

    @Override
    public void run(P params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int as = in[0].start();
        int bs = in[1].start();
        int ys = out[0].start();
        Objects.checkFromIndexSize(as, extent1, a.length);
        Objects.checkFromIndexSize(bs, extent2, b.length);
        Objects.checkFromIndexSize(ys, size, y.length);
        if (elementwise) {
            row(a, as, 1, b, bs, 1, y, ys, size);
            return;
        }
        BroadcastRows.run(params, shape, s1, s2, in, out, arena, broadcastRow);
    }

    private void row(byte[] a, int ia, int sa, byte[] b, int ib, int sb, byte[] y, int o, int n) {
        final byte[] t = lut;
        if (sa == 1 && sb == 1) {
            for (int i = 0; i < n; i++) {
                y[o + i] = t[((a[ia + i] + 128) << 8) | (b[ib + i] + 128)];
            }
        } else if (sb == 0) {
            final int base = b[ib] + 128;
            for (int i = 0; i < n; i++, ia += sa) {
                y[o + i] = t[((a[ia] + 128) << 8) | base];
            }
        } else {
            for (int i = 0; i < n; i++, ia += sa, ib += sb) {
                y[o + i] = t[((a[ia] + 128) << 8) | (b[ib] + 128)];
            }
        }
    }

    /** Elements of an element-wise operator; 0 (whole runs only) with broadcasting. */
    @Override
    public int rows(P params) {
        return elementwise ? size : 0;
    }

    @Override
    public void runRows(P params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        Objects.checkFromIndexSize(in[0].start(), extent1, a.length);
        Objects.checkFromIndexSize(in[1].start(), extent2, b.length);
        Objects.checkFromIndexSize(out[0].start(), size, y.length);
        Objects.checkFromToIndex(from, to, rows(params));
        row(a, in[0].start() + from, 1, b, in[1].start() + from, 1, y, out[0].start() + from, to - from);
    }
}
