/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.detectionpostprocess;

import dev.ember4j.ops.common.Le;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three orderings against independent implementations, and libstdc++'s tie order on known cases. */
class ScoreSortTest {

    private static byte[] floats(float... v) {
        byte[] b = new byte[4 * v.length];
        for (int i = 0; i < v.length; i++) {
            Le.f32(b, 4 * i, v[i]);
        }
        return b;
    }

    private static int[] ints(byte[] s, int at, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = Le.i32(s, at + 4 * i);
        }
        return out;
    }

    private static int[] partial(float[] v, int k) {
        byte[] s = new byte[4 * v.length + 8];
        ScoreSort.partialDecreasing(s, 8, floats(v), 0, v.length, k);
        return java.util.Arrays.copyOf(ints(s, 8, v.length), k);
    }

    /**
     * std::partial_sort(first, first + 3, first + 5) with libstdc++ on a box's class scores: these orders come
     * from TFLite 2.21's goldens (detect_fast_f32_multiclass, pair 2), where a stable order would differ.
     */
    @Test
    void partialSortTiesFollowLibstdcxx() {
        assertArrayEquals(new int[] {4, 0, 2}, partial(new float[] {0.5f, 0f, 0.5f, 0f, 0.5f}, 3));
        assertArrayEquals(new int[] {0, 3, 1}, partial(new float[] {0.9f, 0.5f, 0.25f, 0.5f, 0.25f}, 3));
        assertArrayEquals(new int[] {3, 1, 2}, partial(new float[] {0.25f, 0.75f, 0.75f, 0.75f, 0.5f}, 3));
        assertArrayEquals(new int[] {3, 1, 2}, partial(new float[] {0.5f, 0.9f, 0.9f, 0.9f, 0.5f}, 3));
        assertArrayEquals(new int[] {0, 1, 2}, partial(new float[] {0.7f, 0.7f, 0.7f}, 3), "heap sort of 3 ties");
    }

    /** Whatever the ties, the first k are the k largest values, in decreasing order, each index once. */
    @Test
    void partialSortSelectsTheTopK() {
        Random rng = new Random(3);
        for (int round = 0; round < 2000; round++) {
            int n = 1 + rng.nextInt(40);
            int k = 1 + rng.nextInt(n);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextInt(6) / 4f; // many ties
            }
            int[] top = partial(v, k);
            float[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            boolean[] seen = new boolean[n];
            for (int i = 0; i < k; i++) {
                assertEquals(sorted[n - 1 - i], v[top[i]], "rank " + i);
                assertTrue(!seen[top[i]], "index twice");
                seen[top[i]] = true;
            }
        }
    }

    @Test
    void stableSortMatchesListSort() {
        Random rng = new Random(5);
        for (int round = 0; round < 500; round++) {
            int n = rng.nextInt(70);
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.nextInt(5) * 0.5f - (rng.nextBoolean() ? 0f : -0f);
            }
            byte[] s = new byte[8 * n + 4];
            ScoreSort.stableDecreasing(s, 4, floats(v), 0, n, 4 + 4 * n);
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(i);
            }
            expected.sort(Comparator.comparing((Integer i) -> v[i], (a, b) -> a > b ? -1 : b > a ? 1 : 0));
            assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), ints(s, 4, n));
        }
    }

    @Test
    void argMaxIsTheFirstMaximum() {
        assertEquals(1, ScoreSort.argMax(floats(0.1f, 0.5f, 0.5f, -1f), 0, 4));
        assertEquals(0, ScoreSort.argMax(floats(Float.NaN, 0.5f, 2f), 0, 3), "nothing compares greater than NaN");
        assertEquals(2, ScoreSort.argMax(floats(0f, Float.NaN, 1f), 0, 3));
        assertEquals(0, ScoreSort.argMax(floats(0f, -0f), 0, 2));
    }
}
