/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Greedy offline planner: buffers are placed largest first, each at the lowest offset that does not
 * collide with an already placed buffer whose lifetime overlaps. Aliased tensors (RESHAPE) share
 * one buffer whose lifetime is the union of theirs. Runs in O(n log n) plus the overlapping pairs, so
 * a 50,000-operator chain plans in milliseconds.
 */
public final class MemoryPlanner {
    private MemoryPlanner() {}

    /**
     * @param sizes    byte size per tensor index; negative for tensors outside the arena
     * @param first    first operator index using each tensor
     * @param last     last operator index using each tensor
     * @param aliasOf  for each tensor, the tensor whose buffer it shares, or -1
     */
    public static MemoryPlan plan(int[] sizes, int[] first, int[] last, int[] aliasOf) {
        int n = sizes.length;
        int[] root = roots(aliasOf);
        int[] start = new int[n];
        int[] end = new int[n];
        Arrays.fill(start, Integer.MAX_VALUE);
        Arrays.fill(end, Integer.MIN_VALUE);
        for (int t = 0; t < n; t++) {
            if (sizes[t] < 0) {
                continue;
            }
            int r = root[t];
            start[r] = Math.min(start[r], first[t]);
            end[r] = Math.max(end[r], last[t]);
        }
        List<Integer> buffers = new ArrayList<>();
        int horizon = 0;
        for (int t = 0; t < n; t++) {
            if (sizes[t] >= 0 && root[t] == t) {
                buffers.add(t);
                horizon = Math.max(horizon, end[t] + 1);
            }
        }
        buffers.sort(Comparator.<Integer>comparingInt(t -> -sizes[t]).thenComparingInt(t -> start[t]).thenComparingInt(t -> t));

        // First fit, largest first, against the placed buffers whose lifetimes overlap. Those are found
        // in O(log T + k): the ones live at this buffer's first step (a segment tree over steps) and the
        // ones starting later within its lifetime (ordered by start).
        int[] bufferOffset = new int[n];
        Arrays.fill(bufferOffset, -1);
        Stabbing live = new Stabbing(Math.max(horizon, 1));
        TreeMap<Integer, List<Integer>> byStart = new TreeMap<>();
        List<Integer> overlapping = new ArrayList<>();
        long arena = 0;
        for (int b : buffers) {
            overlapping.clear();
            live.collect(start[b], overlapping);
            for (List<Integer> later : byStart.subMap(start[b], false, end[b], true).values()) {
                overlapping.addAll(later);
            }
            overlapping.sort(Comparator.comparingInt(p -> bufferOffset[p]));
            long candidate = 0;
            for (int p : overlapping) {
                if (candidate + sizes[b] <= bufferOffset[p]) {
                    break;
                }
                candidate = Math.max(candidate, (long) bufferOffset[p] + sizes[p]);
            }
            if (candidate + sizes[b] > Integer.MAX_VALUE) {
                throw new IllegalStateException("memory plan exceeds 2 GiB");
            }
            bufferOffset[b] = (int) candidate;
            live.insert(start[b], end[b], b);
            byStart.computeIfAbsent(start[b], k -> new ArrayList<>()).add(b);
            arena = Math.max(arena, candidate + sizes[b]);
        }

        int[] offsets = new int[n];
        int[] firstUse = new int[n];
        int[] lastUse = new int[n];
        for (int t = 0; t < n; t++) {
            boolean in = sizes[t] >= 0;
            offsets[t] = in ? bufferOffset[root[t]] : -1;
            firstUse[t] = in ? start[root[t]] : -1;
            lastUse[t] = in ? end[root[t]] : -1;
        }
        return new MemoryPlan(offsets, firstUse, lastUse, (int) arena, lowerBound(buffers, sizes, start, end, horizon));
    }

    /** The buffer each tensor shares (following alias chains once each); throws on a cycle. */
    private static int[] roots(int[] aliasOf) {
        int n = aliasOf.length;
        int[] root = new int[n];
        Arrays.fill(root, -1);
        int[] path = new int[n];
        for (int t = 0; t < n; t++) {
            int len = 0;
            int r = t;
            while (root[r] < 0 && aliasOf[r] >= 0) {
                if (len == n) {
                    throw new IllegalArgumentException("alias cycle at tensor " + t);
                }
                path[len++] = r;
                r = aliasOf[r];
            }
            int found = root[r] >= 0 ? root[r] : r;
            root[r] = found;
            for (int i = 0; i < len; i++) {
                root[path[i]] = found;
            }
        }
        return root;
    }

    /** The largest total of buffer bytes live at one step: a sweep over steps, O(n + T). */
    private static int lowerBound(List<Integer> buffers, int[] sizes, int[] start, int[] end, int horizon) {
        long[] delta = new long[horizon + 1];
        for (int b : buffers) {
            delta[start[b]] += sizes[b];
            delta[end[b] + 1] -= sizes[b];
        }
        long live = 0;
        long best = 0;
        for (int t = 0; t < horizon; t++) {
            live += delta[t];
            best = Math.max(best, live);
        }
        return (int) best;
    }

    /**
     * A segment tree over steps [0, size) whose nodes list the intervals covering them entirely:
     * the intervals containing a step are those on the path from the root to its leaf.
     */
    private static final class Stabbing {
        private final int size;
        private final List<List<Integer>> nodes = new ArrayList<>();

        Stabbing(int size) {
            this.size = size;
            for (int i = 0; i < 4 * size; i++) {
                nodes.add(null);
            }
        }

        void insert(int from, int to, int id) {
            insert(1, 0, size - 1, from, to, id);
        }

        private void insert(int node, int lo, int hi, int from, int to, int id) {
            if (to < lo || hi < from) {
                return;
            }
            if (from <= lo && hi <= to) {
                List<Integer> list = nodes.get(node);
                if (list == null) {
                    list = new ArrayList<>();
                    nodes.set(node, list);
                }
                list.add(id);
                return;
            }
            int mid = (lo + hi) >>> 1;
            insert(2 * node, lo, mid, from, to, id);
            insert(2 * node + 1, mid + 1, hi, from, to, id);
        }

        void collect(int step, List<Integer> out) {
            int node = 1;
            int lo = 0;
            int hi = size - 1;
            while (true) {
                List<Integer> list = nodes.get(node);
                if (list != null) {
                    out.addAll(list);
                }
                if (lo == hi) {
                    return;
                }
                int mid = (lo + hi) >>> 1;
                if (step <= mid) {
                    node = 2 * node;
                    hi = mid;
                } else {
                    node = 2 * node + 1;
                    lo = mid + 1;
                }
            }
        }
    }
}
