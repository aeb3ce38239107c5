/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.detectionpostprocess;

import dev.ember4j.ops.common.Le;

/**
 * The three orderings TFLite's detection_postprocess.cc uses, on int32 index arrays in the scratch and
 * float32 scores anywhere (little-endian, {@code (array, byte offset)}), all by "decreasing score"
 * ({@code values[i] > values[j]}):
 * <ul>
 *   <li>{@link #argMax}: optimized_ops::ArgMaxVector, the first maximum (TFLite's partial sort of one element);</li>
 *   <li>{@link #stableDecreasing}: std::stable_sort (ties keep index order; any stable sort gives this result):
 *       the single-class NMS candidates and the regular NMS's merge of the classes' selections;</li>
 *   <li>{@link #partialDecreasing}: std::partial_sort as libstdc++ (which TFLite's x86-64 Linux build uses)
 *       implements it: a heap select over the first k then a heap sort of them. It is not stable, so equal
 *       scores come out in the order that exact sequence of heap moves leaves them, reproduced here step by
 *       step: the fast NMS's ranking of each box's classes.</li>
 * </ul>
 */
final class ScoreSort {
    private ScoreSort() {}

    /** Index of the first largest of {@code n} floats (NaN at 0 stays the maximum: nothing compares greater). */
    static int argMax(byte[] v, int vb, int n) {
        float max = Le.f32(v, vb);
        int at = 0;
        for (int i = 1; i < n; i++) {
            float c = Le.f32(v, vb + 4 * i);
            if (c > max) {
                max = c;
                at = i;
            }
        }
        return at;
    }

    /**
     * idx[0..n) = 0..n-1 stably sorted by decreasing value: a bottom-up merge sort through {@code tmp} (n ints
     * of {@code s}). Scores reaching it passed a {@code >=} threshold test, so none is NaN.
     */
    static void stableDecreasing(byte[] s, int idx, byte[] v, int vb, int n, int tmp) {
        for (int i = 0; i < n; i++) {
            Le.i32(s, idx + 4 * i, i);
        }
        int from = idx;
        int to = tmp;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                for (int k = lo; k < hi; k++) {
                    boolean right = a >= mid || (b < hi && value(v, vb, s, from, b) > value(v, vb, s, from, a));
                    Le.i32(s, to + 4 * k, Le.i32(s, from + 4 * (right ? b++ : a++)));
                }
            }
            int t = from;
            from = to;
            to = t;
        }
        if (from != idx) {
            System.arraycopy(s, from, s, idx, 4 * n);
        }
    }

    private static float value(byte[] v, int vb, byte[] s, int idx, int i) {
        return Le.f32(v, vb + 4 * Le.i32(s, idx + 4 * i));
    }

    /**
     * idx[0..n) = 0..n-1 (std::iota), then std::partial_sort(idx, idx + k, idx + n) by decreasing value, step
     * for step as libstdc++: __heap_select (make a heap of the first k, then every later element that
     * compares before the heap's top replaces it) and __sort_heap of the first k.
     */
    static void partialDecreasing(byte[] s, int idx, byte[] v, int vb, int n, int k) {
        for (int i = 0; i < n; i++) {
            Le.i32(s, idx + 4 * i, i);
        }
        makeHeap(s, idx, v, vb, k);
        for (int i = k; i < n; i++) {
            if (comp(v, vb, at(s, idx, i), at(s, idx, 0))) {
                popHeap(s, idx, v, vb, k, i);
            }
        }
        for (int len = k; len > 1; ) {
            len--;
            popHeap(s, idx, v, vb, len, len);
        }
    }

    // libstdc++'s heap primitives (bits/stl_heap.h) over the int array at s[base..]; static, so nothing is allocated.

    private static int at(byte[] s, int base, int i) {
        return Le.i32(s, base + 4 * i);
    }

    private static void put(byte[] s, int base, int i, int value) {
        Le.i32(s, base + 4 * i, value);
    }

    /** The sort's comparator on two stored indices: values[a] &gt; values[b]. */
    private static boolean comp(byte[] v, int vb, int a, int b) {
        return Le.f32(v, vb + 4 * a) > Le.f32(v, vb + 4 * b);
    }

    /** std::__make_heap of [0, len). */
    private static void makeHeap(byte[] s, int base, byte[] v, int vb, int len) {
        if (len < 2) {
            return;
        }
        for (int parent = (len - 2) / 2; ; parent--) {
            adjustHeap(s, base, v, vb, parent, len, at(s, base, parent));
            if (parent == 0) {
                return;
            }
        }
    }

    /** std::__pop_heap(first, first + len, first + result). */
    private static void popHeap(byte[] s, int base, byte[] v, int vb, int len, int result) {
        int value = at(s, base, result);
        put(s, base, result, at(s, base, 0));
        adjustHeap(s, base, v, vb, 0, len, value);
    }

    /** std::__adjust_heap: sift the hole down to a leaf by the larger child, then std::__push_heap the value. */
    private static void adjustHeap(byte[] s, int base, byte[] v, int vb, int hole, int len, int value) {
        int top = hole;
        int child = hole;
        while (child < (len - 1) / 2) {
            child = 2 * (child + 1);
            if (comp(v, vb, at(s, base, child), at(s, base, child - 1))) {
                child--;
            }
            put(s, base, hole, at(s, base, child));
            hole = child;
        }
        if ((len & 1) == 0 && child == (len - 2) / 2) {
            child = 2 * (child + 1);
            put(s, base, hole, at(s, base, child - 1));
            hole = child - 1;
        }
        int parent = (hole - 1) / 2;
        while (hole > top && comp(v, vb, at(s, base, parent), value)) {
            put(s, base, hole, at(s, base, parent));
            hole = parent;
            parent = (hole - 1) / 2;
        }
        put(s, base, hole, value);
    }
}
