/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;


import dev.ember4j.core.ops.Slot;

/**
 * The rank-6 broadcast walk of the two-input element-wise kernels (TFLite's Broadcast*Slow loops):
 * the five outer dimensions of the output are visited in order and each innermost row of
 * {@code shape[5]} elements is handed to a per-operator {@link Row}, which holds the per-element loop.
 * Pass a {@code static final} method reference or non-capturing lambda so that a call allocates nothing.
 */
public final class BroadcastRows {
    private BroadcastRows() {}

    /**
     * One output row. {@code x1}, {@code x2} and {@code o} are element indices (not bytes) of the row's
     * first element in input 1, input 2 and the output, relative to the tensors' starts {@code as},
     * {@code bs} and {@code ys}; {@code st1} and {@code st2} are the inputs' element strides along the
     * row (0 where broadcast); the output is contiguous; {@code n} elements.
     */
    @FunctionalInterface
    public interface Row<P> {
        void row(P p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                 byte[] y, int ys, int o, int n);
    }

    /**
     * Visits the rows of the rank-6 output {@code shape}, inputs 0 and 1 of {@code in} read through the
     * element strides {@code strides1} and {@code strides2} (each of length 6), output 0 of {@code out}
     * written in order.
     */
    public static <P> void run(P p, int[] shape, int[] strides1, int[] strides2, Slot[] in, Slot[] out,
                               byte[] arena, Row<P> row) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int as = in[0].start();
        int bs = in[1].start();
        int ys = out[0].start();
        int[] s = shape;
        int[] sa = strides1;
        int[] sb = strides2;
        int o = 0;
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int x1 = i0 * sa[0] + i1 * sa[1] + i2 * sa[2] + i3 * sa[3] + i4 * sa[4];
                            int x2 = i0 * sb[0] + i1 * sb[1] + i2 * sb[2] + i3 * sb[3] + i4 * sb[4];
                            row.row(p, a, as, x1, sa[5], b, bs, x2, sb[5], y, ys, o, s[5]);
                            o += s[5];
                        }
                    }
                }
            }
        }
    }
}
