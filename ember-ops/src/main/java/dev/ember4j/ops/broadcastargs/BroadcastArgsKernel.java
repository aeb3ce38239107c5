/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.broadcastargs;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;

/**
 * TFLite's reference BroadcastArgs: the two shapes aligned at their ends (missing leading dimensions are
 * 1), each output dimension the other input's where one is 1. Values pass through a C++ {@code int}, so
 * int64 dimensions keep their low 32 bits, sign-extended. TFLite aborts the process on incompatible
 * dimensions (neither 1, different); Ember4j writes the first input's dimension there.
 */
public final class BroadcastArgsKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<BroadcastArgsParams> KERNEL = BroadcastArgsKernel::run;

    private BroadcastArgsKernel() {}

    public static void run(BroadcastArgsParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int as = in[0].start();
        int bs = in[1].start();
        int ys = out[0].start();
        int n1 = p.length1();
        int n2 = p.length2();
        int n = Math.max(n1, n2);
        boolean wide = p.wide();
        for (int back = 0; back < n; back++) {
            int i1 = n1 - 1 - back;
            int i2 = n2 - 1 - back;
            int d1 = i1 < 0 ? 1 : wide ? (int) Le.i64(a, as + 8 * i1) : Le.i32(a, as + 4 * i1);
            int d2 = i2 < 0 ? 1 : wide ? (int) Le.i64(b, bs + 8 * i2) : Le.i32(b, bs + 4 * i2);
            int d = d1 == 1 ? d2 : d1;
            int o = n - 1 - back;
            if (wide) {
                Le.i64(y, ys + 8 * o, d);
            } else {
                Le.i32(y, ys + 4 * o, d);
            }
        }
    }
}
