/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logical;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.BroadcastRows;

/**
 * TFLite's logical kernels over BOOL bytes: {@code x && y} / {@code x || y} (broadcasting as
 * BroadcastBinaryFunction4DSlow) and {@code !x}; results are the canonical 0 / 1.
 */
public final class LogicalKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<LogicalParams> KERNEL = LogicalKernel::run;

    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<NotParams> NOT = LogicalKernel::not;

    private LogicalKernel() {}

    private static final BroadcastRows.Row<LogicalParams> ROW = LogicalKernel::row;

    public static void run(LogicalParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BroadcastRows.run(p, p.outputShape(), p.strides1(), p.strides2(), in, out, arena, ROW);
    }

    private static void row(LogicalParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        if (p.or()) {
            for (int i = 0; i < n; i++) {
                y[ys + o + i] = (byte) (a[as + x1 + i * st1] != 0 || b[bs + x2 + i * st2] != 0 ? 1 : 0);
            }
        } else {
            for (int i = 0; i < n; i++) {
                y[ys + o + i] = (byte) (a[as + x1 + i * st1] != 0 && b[bs + x2 + i * st2] != 0 ? 1 : 0);
            }
        }
    }

    /** LOGICAL_NOT of {@code p.count()} BOOL bytes. */
    public static void not(NotParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        for (int i = 0, n = p.count(); i < n; i++) {
            y[ys + i] = (byte) (x[xs + i] == 0 ? 1 : 0);
        }
    }
}
