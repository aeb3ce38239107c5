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

    /** One chunk exactly while every channel's sum of |w| * max|x + offset| stays within 2^22. */
    @org.junit.jupiter.api.Test
    void oneChunkAtTheLimit() {
        // offset 128: inputs reach 255; 2^22 / 255 = 16448.25, so |w| may sum to 16448 per channel
        byte[] w = new byte[2 * 200];
        java.util.Arrays.fill(w, 0, 129, (byte) -127); // 129 * 127 = 16383
        w[129] = 65; // channel 0 sums to 16448
        org.junit.jupiter.api.Assertions.assertTrue(Exactness.oneChunk(w, 2, 200, 200, 1, 0, 128));
        java.util.Arrays.fill(w, 200, 400, (byte) 82); // channel 1 sums to 16400
        org.junit.jupiter.api.Assertions.assertTrue(Exactness.oneChunk(w, 2, 200, 200, 1, 0, 128));
        w[129] = 66; // channel 0 sums to 16449: 16449 * 255 > 2^22
        org.junit.jupiter.api.Assertions.assertFalse(Exactness.oneChunk(w, 2, 200, 200, 1, 0, 128));
        // the same weights with a smaller input range fit again
        org.junit.jupiter.api.Assertions.assertTrue(Exactness.oneChunk(w, 2, 200, 200, 1, 0, 0));
    }
}
