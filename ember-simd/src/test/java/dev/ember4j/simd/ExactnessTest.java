/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The float-to-int conversion and the chunk bound the float kernels rely on. */
class ExactnessTest {

    @Test
    void magicConversionIsExactOverItsRange() {
        int n = Lanes.N;
        float[] f = new float[n];
        int[] add = new int[n];
        int[] out = new int[n];
        int[] edges = {0, 1, -1, (1 << 22), -(1 << 22), (1 << 22) - 1, -(1 << 22) + 1, 12345, -54321};
        Random r = new Random(7);
        for (int iter = 0; iter < 20_000; iter++) {
            for (int i = 0; i < n; i++) {
                int v = iter < edges.length ? edges[(iter + i) % edges.length] : r.nextInt((1 << 23) + 1) - (1 << 22);
                f[i] = v;
                add[i] = r.nextInt();
            }
            Exactness.toInts(f, n, add, n, out);
            for (int i = 0; i < n; i++) {
                assertEquals((int) f[i] + add[i], out[i], "value " + f[i]);
            }
        }
    }

    @Test
    void chunkKeepsWorstCaseSumsConvertible() {
        for (int w = 1; w <= 255; w += 7) {
            for (int off = -127; off <= 128; off += 17) {
                int x = Exactness.maxAbsInput(off);
                long terms = Exactness.termsPerChunk(w, x);
                assertTrue(terms >= 1);
                assertTrue(terms * w * x <= (1 << 22), "w=" + w + " x=" + x + " terms=" + terms);
                assertTrue((terms + 1) * w * x > (1 << 22), "chunk not maximal: w=" + w + " x=" + x);
            }
        }
        assertEquals(255, Exactness.maxAbsInput(128));
        assertEquals(255, Exactness.maxAbsInput(-127));
        assertEquals(128, Exactness.maxAbsInput(0));
        assertEquals(Integer.MAX_VALUE, Exactness.termsPerChunk(0, 255));
    }
}
