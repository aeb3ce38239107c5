/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Elem;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PoolQuantizedKernelTest {

    /** Both kernels on int16 against a direct window loop (clipped windows, rounding half away from zero). */
    @Test
    void int16MatchesDirectLoop() {
        matchesDirectLoop(Elem.INT16, new Random(16));
    }

    /** Both kernels on uint8 (non-negative sums, maximum from 0) against the same loop. */
    @Test
    void uint8MatchesDirectLoop() {
        matchesDirectLoop(Elem.UINT8, new Random(8));
    }

    private static void matchesDirectLoop(int elem, Random r) {
        int tmin = Elem.min(elem);
        int tmax = Elem.max(elem);
        int bytes = Elem.bytes(elem);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(2), ih = 1 + r.nextInt(6), iw = 1 + r.nextInt(6), c = 1 + r.nextInt(3);
            int fh = 1 + r.nextInt(3), fw = 1 + r.nextInt(3), sh = 1 + r.nextInt(2), sw = 1 + r.nextInt(2);
            int pt = r.nextInt(fh), pl = r.nextInt(fw);
            int oh = 1 + r.nextInt((ih + pt - 1) / sh + 1); // every window meets the input
            int ow = 1 + r.nextInt((iw + pl - 1) / sw + 1);
            int lo = r.nextBoolean() ? tmin : tmin + r.nextInt((tmax - tmin) / 2);
            int hi = r.nextBoolean() ? tmax : Math.min(tmax, lo + r.nextInt((tmax - tmin) / 2));
            PoolQuantizedParams p = new PoolQuantizedParams(elem, n, ih, iw, c, oh, ow, fh, fw, sh, sw, pt, pl, lo, hi);
            int size = n * ih * iw * c;
            int outSize = n * oh * ow * c;
            byte[] arena = new byte[bytes * (size + outSize)];
            boolean extremes = r.nextInt(4) == 0;
            for (int i = 0; i < size; i++) {
                Elem.put(elem, arena, 0, i, extremes ? (r.nextBoolean() ? tmin : tmax) : r.nextInt());
            }
            Slot[] in = {new Slot(null, 0)};
            Slot[] out = {new Slot(null, bytes * size)};
            for (boolean average : new boolean[] {true, false}) {
                if (average) {
                    PoolQuantizedKernel.average(p, in, out, arena, new byte[0]);
                } else {
                    PoolQuantizedKernel.max(p, in, out, arena, new byte[0]);
                }
                int o = 0;
                for (int b = 0; b < n; b++) {
                    for (int y = 0; y < oh; y++) {
                        for (int x = 0; x < ow; x++) {
                            for (int ch = 0; ch < c; ch++) {
                                long sum = 0;
                                int count = 0;
                                int max = Integer.MIN_VALUE;
                                for (int fy = 0; fy < fh; fy++) {
                                    for (int fx = 0; fx < fw; fx++) {
                                        int iy = y * sh - pt + fy, ix = x * sw - pl + fx;
                                        if (iy >= 0 && iy < ih && ix >= 0 && ix < iw) {
                                            int v = Elem.get(elem, arena, 0, ((b * ih + iy) * iw + ix) * c + ch);
                                            sum += v;
                                            count++;
                                            max = Math.max(max, v);
                                        }
                                    }
                                }
                                long want;
                                if (average) {
                                    want = count == 0 ? 0 : Math.round(Math.abs((double) sum) / count)
                                            * Long.signum(sum);
                                } else {
                                    want = count == 0 ? tmin : max;
                                }
                                want = Math.max(lo, Math.min(hi, want));
                                assertEquals(want, Elem.get(elem, arena, bytes * size, o), "trial " + trial + " avg "
                                        + average + " at " + o);
                                o++;
                            }
                        }
                    }
                }
            }
        }
    }
}
