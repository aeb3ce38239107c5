/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.argmax;

import dev.ember4j.ops.moves.Run;
import dev.ember4j.ops.common.Le;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ArgMinMaxKernelTest {

    private static double value(byte[] x, int e, int type) {
        return switch (type) {
            case ArgMinMaxKernel.INT8 -> x[e];
            case ArgMinMaxKernel.UINT8, ArgMinMaxKernel.BOOL -> x[e] & 0xff;
            case ArgMinMaxKernel.INT32 -> Le.i32(x, 4 * e);
            default -> Le.f32(x, 4 * e);
        };
    }

    @Test
    void firstExtremeWins() {
        Random r = new Random(10);
        for (int iter = 0; iter < 400; iter++) {
            int type = r.nextInt(5);
            int w = type == ArgMinMaxKernel.INT32 || type == ArgMinMaxKernel.FLOAT32 ? 4 : 1;
            int outer = 1 + r.nextInt(3), n = 1 + r.nextInt(6), inner = 1 + r.nextInt(3);
            boolean max = r.nextBoolean(), out64 = r.nextBoolean();
            byte[] x = new byte[outer * n * inner * w];
            for (int e = 0; e < outer * n * inner; e++) {
                int v = r.nextInt(3) - 1; // few distinct values: many ties
                if (type == ArgMinMaxKernel.FLOAT32) {
                    Le.f32(x, 4 * e, v == 0 && r.nextBoolean() ? -0.0f : v * 1.5f);
                } else if (type == ArgMinMaxKernel.INT32) {
                    Le.i32(x, 4 * e, v * 100000);
                } else if (type == ArgMinMaxKernel.BOOL) {
                    x[e] = (byte) (v > 0 ? 1 : 0);
                } else {
                    x[e] = (byte) (v * 127);
                }
            }
            ArgMinMaxParams p = new ArgMinMaxParams(type, outer, n, inner, max, out64);
            int ow = out64 ? 8 : 4;
            byte[] y = Run.run(r, (in, out, a) -> ArgMinMaxKernel.run(p, in, out, a, null), new byte[][] {x},
                    outer * inner * ow)[0];
            for (int o = 0; o < outer; o++) {
                for (int i = 0; i < inner; i++) {
                    int best = 0;
                    for (int k = 1; k < n; k++) {
                        double c = value(x, (o * n + k) * inner + i, type);
                        double b = value(x, (o * n + best) * inner + i, type);
                        if (max ? c > b : c < b) {
                            best = k;
                        }
                    }
                    int at = o * inner + i;
                    long got = out64 ? Le.i64(y, 8 * at) : Le.i32(y, 4 * at);
                    assertEquals(best, got, "type " + type + " max " + max);
                }
            }
        }
    }

    @Test
    void leadingNanIsKept() {
        byte[] x = new byte[12];
        Le.f32(x, 0, Float.NaN);
        Le.f32(x, 4, 5f);
        Le.f32(x, 8, -5f);
        for (boolean max : new boolean[] {true, false}) {
            ArgMinMaxParams p = new ArgMinMaxParams(ArgMinMaxKernel.FLOAT32, 1, 3, 1, max, false);
            byte[] y = Run.run(new Random(1), (in, out, a) -> ArgMinMaxKernel.run(p, in, out, a, null),
                    new byte[][] {x}, 4)[0];
            assertEquals(0, Le.i32(y, 0));
        }
    }
}
