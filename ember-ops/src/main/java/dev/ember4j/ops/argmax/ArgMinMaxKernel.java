/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.argmax;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;

/**
 * Reference ARG_MAX / ARG_MIN: the first value seen is the running extreme and a later value replaces
 * it only when strictly greater (smaller), so ties give the first index and a leading NaN wins.
 */
public final class ArgMinMaxKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ArgMinMaxParams> KERNEL = ArgMinMaxKernel::run;

    private ArgMinMaxKernel() {}

    public static final int INT8 = 0, UINT8 = 1, INT32 = 2, FLOAT32 = 3, BOOL = 4;

    public static void run(ArgMinMaxParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int n = p.axis(), inner = p.inner(), type = p.elemType();
        boolean max = p.max();
        for (int o = 0; o < p.outer(); o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i;
                int best = 0;
                if (type == FLOAT32) {
                    float v = Le.f32(x, xs + 4 * base);
                    for (int k = 1; k < n; k++) {
                        float c = Le.f32(x, xs + 4 * (base + k * inner));
                        if (max ? c > v : c < v) {
                            v = c;
                            best = k;
                        }
                    }
                } else {
                    int v = read(x, xs, base, type);
                    for (int k = 1; k < n; k++) {
                        int c = read(x, xs, base + k * inner, type);
                        if (max ? c > v : c < v) {
                            v = c;
                            best = k;
                        }
                    }
                }
                int at = o * inner + i;
                if (p.out64()) {
                    Le.i64(y, ys + 8 * at, best);
                } else {
                    Le.i32(y, ys + 4 * at, best);
                }
            }
        }
    }

    private static int read(byte[] x, int xs, int e, int type) {
        return switch (type) {
            case INT8 -> x[xs + e];
            case UINT8, BOOL -> x[xs + e] & 0xff;
            default -> Le.i32(x, xs + 4 * e);
        };
    }
}
