/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The planner as first written (quadratic: every placed buffer is checked for each new one), kept as the
 * oracle MemoryPlanner's faster search must agree with exactly.
 */
final class QuadraticPlanner {
    private QuadraticPlanner() {}

    /**
     * @param sizes    byte size per tensor index; negative for tensors outside the arena
     * @param first    first operator index using each tensor
     * @param last     last operator index using each tensor
     * @param aliasOf  for each tensor, the tensor whose buffer it shares, or -1
     */
    static MemoryPlan plan(int[] sizes, int[] first, int[] last, int[] aliasOf) {
        int n = sizes.length;
        int[] root = new int[n];
        int[] start = new int[n];
        int[] end = new int[n];
        Arrays.fill(start, Integer.MAX_VALUE);
        Arrays.fill(end, Integer.MIN_VALUE);
        for (int t = 0; t < n; t++) {
            root[t] = resolve(t, aliasOf);
        }
        for (int t = 0; t < n; t++) {
            if (sizes[t] < 0) {
                continue;
            }
            int r = root[t];
            start[r] = Math.min(start[r], first[t]);
            end[r] = Math.max(end[r], last[t]);
        }
        List<Integer> buffers = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (sizes[t] >= 0 && root[t] == t) {
                buffers.add(t);
            }
        }
        buffers.sort(Comparator.<Integer>comparingInt(t -> -sizes[t]).thenComparingInt(t -> start[t]).thenComparingInt(t -> t));

        int[] bufferOffset = new int[n];
        Arrays.fill(bufferOffset, -1);
        List<Integer> placed = new ArrayList<>();
        long arena = 0;
        for (int b : buffers) {
            List<int[]> taken = new ArrayList<>();
            for (int p : placed) {
                if (start[p] <= end[b] && start[b] <= end[p]) {
                    taken.add(new int[] {bufferOffset[p], bufferOffset[p] + sizes[p]});
                }
            }
            taken.sort(Comparator.comparingInt(r -> r[0]));
            long candidate = 0;
            for (int[] r : taken) {
                if (candidate + sizes[b] <= r[0]) {
                    break;
                }
                candidate = Math.max(candidate, r[1]);
            }
            if (candidate + sizes[b] > Integer.MAX_VALUE) {
                throw new IllegalStateException("memory plan exceeds 2 GiB");
            }
            bufferOffset[b] = (int) candidate;
            placed.add(b);
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
        return new MemoryPlan(offsets, firstUse, lastUse, (int) arena, lowerBound(buffers, sizes, start, end));
    }

    private static int resolve(int t, int[] aliasOf) {
        int r = t;
        for (int steps = 0; aliasOf[r] >= 0; steps++) {
            if (steps > aliasOf.length) {
                throw new IllegalArgumentException("alias cycle at tensor " + t);
            }
            r = aliasOf[r];
        }
        return r;
    }

    private static int lowerBound(List<Integer> buffers, int[] sizes, int[] start, int[] end) {
        long best = 0;
        for (int b : buffers) {
            // The peak is reached at some buffer's first use.
            int time = start[b];
            long live = 0;
            for (int o : buffers) {
                if (start[o] <= time && time <= end[o]) {
                    live += sizes[o];
                }
            }
            best = Math.max(best, live);
        }
        return (int) best;
    }
}
