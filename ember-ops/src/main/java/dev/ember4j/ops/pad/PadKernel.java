/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pad;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.StridedCopy;

import java.util.Arrays;

/**
 * Reference PAD / PADV2: pad value outside the input's box, the input inside it. The output is written
 * once, front to back: the interior runs of the (in-order) copy plan, and the pad value in the gaps
 * between them, rather than filling everything and then copying the interior over it.
 */
public final class PadKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<PadParams> KERNEL = PadKernel::run;

    private PadKernel() {}

    public static void run(PadParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        final byte[] y = out[0].array(arena);
        final int ys = out[0].start();
        final byte[] v = p.padValue();
        final byte[] x = in[0].array(arena);
        final int[] plan = p.plan();
        final int w = plan[0];
        final int c0 = plan[1], c1 = plan[2], c2 = plan[3], c3 = plan[4], c4 = plan[5], c5 = plan[6];
        final int s0 = plan[7], s1 = plan[8], s2 = plan[9], s3 = plan[10], s4 = plan[11], s5 = plan[12];
        final int d0 = plan[13], d1 = plan[14], d2 = plan[15], d3 = plan[16], d4 = plan[17], d5 = plan[18];
        final boolean contiguous = s5 == w && d5 == w;
        final int run = contiguous ? c5 * w : w;
        final int runs = contiguous ? 1 : c5;
        int done = ys; // bytes before this are written
        for (int i0 = 0, a0 = in[0].start(), b0 = ys + p.interiorOffset(); i0 < c0; i0++, a0 += s0, b0 += d0) {
            for (int i1 = 0, a1 = a0, b1 = b0; i1 < c1; i1++, a1 += s1, b1 += d1) {
                for (int i2 = 0, a2 = a1, b2 = b1; i2 < c2; i2++, a2 += s2, b2 += d2) {
                    for (int i3 = 0, a3 = a2, b3 = b2; i3 < c3; i3++, a3 += s3, b3 += d3) {
                        for (int i4 = 0, a4 = a3, b4 = b3; i4 < c4; i4++, a4 += s4, b4 += d4) {
                            for (int i5 = 0, a = a4, b = b4; i5 < runs; i5++, a += s5, b += d5) {
                                fill(y, done, b, v, ys);
                                System.arraycopy(x, a, y, b, run);
                                done = b + run;
                            }
                        }
                    }
                }
            }
        }
        fill(y, done, ys + p.outputBytes(), v, ys);
    }

    /** y[from, to) = the pad value, repeated from ys on (its bytes in element order). */
    private static void fill(byte[] y, int from, int to, byte[] v, int ys) {
        if (v.length == 1) {
            Arrays.fill(y, from, to, v[0]);
            return;
        }
        for (int i = from; i < to; i++) {
            y[i] = v[(i - ys) % v.length];
        }
    }
}
