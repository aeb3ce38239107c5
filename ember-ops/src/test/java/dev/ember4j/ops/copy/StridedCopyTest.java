/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.copy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StridedCopyTest {

    @Test
    void mergesContiguousAxesIntoOneCopy() {
        int[] plan = StridedCopy.plan(2, new int[] {2, 3, 4}, new int[] {12, 4, 1}, new int[] {12, 4, 1});
        assertEquals(24, plan[1 + 5]); // one innermost run of all 24 elements
        assertEquals(2, plan[1 + 6 + 5]);
        byte[] src = new byte[48];
        for (int i = 0; i < src.length; i++) {
            src[i] = (byte) i;
        }
        byte[] dst = new byte[52];
        StridedCopy.run(plan, src, 0, dst, 4);
        byte[] expected = new byte[52];
        System.arraycopy(src, 0, expected, 4, 48);
        assertArrayEquals(expected, dst);
    }

    @Test
    void rejectsBadPlans() {
        assertThrows(IllegalArgumentException.class, () -> StridedCopy.plan(3, new int[] {1}, new int[] {1}, new int[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> StridedCopy.plan(1, new int[7], new int[7], new int[7]));
    }

    @Test
    void zeroCountCopiesNothing() {
        int[] plan = StridedCopy.plan(1, new int[] {3, 0, 2}, new int[] {2, 1, 1}, new int[] {0, 2, 1});
        byte[] dst = new byte[4];
        StridedCopy.run(plan, new byte[] {1, 2, 3, 4, 5, 6}, 0, dst, 0);
        assertArrayEquals(new byte[4], dst);
    }

    /** Random shapes and axis orders (transpositions, windows): every element lands where index arithmetic says. */
    @Test
    void copiesLikeIndexArithmetic() {
        java.util.Random r = new java.util.Random(7);
        for (int round = 0; round < 300; round++) {
            int rank = 1 + r.nextInt(6);
            int w = new int[] {1, 2, 4, 8}[r.nextInt(4)];
            int[] counts = new int[rank];
            int total = 1;
            for (int i = 0; i < rank; i++) {
                counts[i] = 1 + r.nextInt(r.nextInt(3) == 0 ? 40 : 5);
                total *= counts[i];
            }
            // source: a permuted row-major layout; destination: row-major with a gap per outer axis
            int[] perm = new int[rank];
            for (int i = 0; i < rank; i++) {
                perm[i] = i;
            }
            for (int i = rank - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            int[] src = new int[rank];
            int step = 1;
            for (int i = rank - 1; i >= 0; i--) {
                src[perm[i]] = step;
                step *= counts[perm[i]];
            }
            int[] dst = new int[rank];
            step = 1;
            for (int i = rank - 1; i >= 0; i--) {
                dst[i] = step;
                step = step * counts[i] + (i < rank - 1 && r.nextBoolean() ? 1 : 0);
            }
            byte[] in = new byte[(total + 3) * w];
            r.nextBytes(in);
            byte[] expected = new byte[(step + 5) * w];
            byte[] actual = expected.clone();
            int[] idx = new int[rank];
            for (int e = 0; e < total; e++) {
                int rest = e;
                int a = 0;
                int b = 0;
                for (int i = rank - 1; i >= 0; i--) {
                    idx[i] = rest % counts[i];
                    rest /= counts[i];
                    a += idx[i] * src[i];
                    b += idx[i] * dst[i];
                }
                System.arraycopy(in, 3 * w + a * w, expected, 2 * w + b * w, w);
            }
            StridedCopy.run(StridedCopy.plan(w, counts, src, dst), in, 3 * w, actual, 2 * w);
            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, actual,
                    java.util.Arrays.toString(counts) + " perm " + java.util.Arrays.toString(perm) + " w " + w);
        }
    }
}
