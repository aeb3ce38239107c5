/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.plan;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryPlannerTest {

    private static final int[] NO_ALIAS = {-1, -1, -1, -1};

    @Test
    void chainReusesMemoryOfDeadTensors() {
        // t0 -> op0 -> t1 -> op1 -> t2 -> op2 -> t3: at most two tensors live at once.
        int[] sizes = {100, 200, 100, 50};
        int[] first = {0, 0, 1, 2};
        int[] last = {0, 1, 2, 2};
        MemoryPlan plan = MemoryPlanner.plan(sizes, first, last, NO_ALIAS);
        assertEquals(300, plan.lowerBound());
        assertEquals(300, plan.arenaBytes());
        assertNoOverlap(plan, sizes);
    }

    @Test
    void aliasSharesOneBufferAndExtendsItsLifetime() {
        // t1 is a reshape of t0, read by op 2; t0 must stay live until then.
        int[] sizes = {64, 64, 32, 16};
        int[] first = {0, 1, 1, 2};
        int[] last = {0, 2, 1, 2};
        int[] alias = {-1, 0, -1, -1};
        MemoryPlan plan = MemoryPlanner.plan(sizes, first, last, alias);
        assertEquals(plan.offset(0), plan.offset(1));
        assertEquals(0, plan.firstUse(1));
        assertEquals(2, plan.lastUse(0));
        assertEquals(64 + 32, plan.lowerBound());
        assertEquals(plan.lowerBound(), plan.arenaBytes());
        assertNoOverlap(plan, new int[] {64, -1, 32, 16});
    }

    @Test
    void tensorsOutsideTheArenaGetNoOffset() {
        MemoryPlan plan = MemoryPlanner.plan(new int[] {-1, 8}, new int[] {0, 0}, new int[] {0, 0}, new int[] {-1, -1});
        assertEquals(-1, plan.offset(0));
        assertEquals(0, plan.offset(1));
        assertEquals(8, plan.arenaBytes());
    }

    /** No two buffers that are live at the same time share a byte. */
    static void assertNoOverlap(MemoryPlan plan, int[] sizes) {
        for (int a = 0; a < sizes.length; a++) {
            for (int b = a + 1; b < sizes.length; b++) {
                if (sizes[a] < 0 || sizes[b] < 0 || plan.offset(a) == plan.offset(b) && sizes[a] == sizes[b]
                        && plan.firstUse(a) == plan.firstUse(b)) {
                    continue; // outside the arena, or aliases of one buffer
                }
                boolean timeOverlap = plan.firstUse(a) <= plan.lastUse(b) && plan.firstUse(b) <= plan.lastUse(a);
                boolean spaceOverlap = plan.offset(a) < plan.offset(b) + sizes[b] && plan.offset(b) < plan.offset(a) + sizes[a];
                assertTrue(!(timeOverlap && spaceOverlap), "tensors " + a + " and " + b + " overlap");
            }
        }
    }

    /** Random graphs (lifetimes, sizes, alias chains): the same offsets, lifetimes, arena and bound as the oracle. */
    @Test
    void sameAsTheQuadraticOracle() {
        java.util.Random r = new java.util.Random(20261130);
        for (int round = 0; round < 400; round++) {
            int n = 1 + r.nextInt(round < 200 ? 12 : 120);
            int ops = 1 + r.nextInt(n + 3);
            int[] sizes = new int[n];
            int[] first = new int[n];
            int[] last = new int[n];
            int[] alias = new int[n];
            for (int t = 0; t < n; t++) {
                sizes[t] = r.nextInt(8) == 0 ? -1 : r.nextInt(4) == 0 ? 64 : 1 + r.nextInt(300);
                first[t] = r.nextInt(ops);
                last[t] = first[t] + (r.nextInt(3) == 0 ? r.nextInt(ops) : r.nextInt(2));
                alias[t] = t > 0 && r.nextInt(6) == 0 ? r.nextInt(t) : -1;
            }
            MemoryPlan fast = MemoryPlanner.plan(sizes, first, last, alias);
            MemoryPlan slow = QuadraticPlanner.plan(sizes, first, last, alias);
            String where = "round " + round;
            org.junit.jupiter.api.Assertions.assertArrayEquals(slow.offsets(), fast.offsets(), where);
            org.junit.jupiter.api.Assertions.assertArrayEquals(slow.firstUse(), fast.firstUse(), where);
            org.junit.jupiter.api.Assertions.assertArrayEquals(slow.lastUse(), fast.lastUse(), where);
            assertEquals(slow.arenaBytes(), fast.arenaBytes(), where);
            assertEquals(slow.lowerBound(), fast.lowerBound(), where);
        }
    }

    /**
     * A 50,000-operator chain with a RESHAPE alias every tenth tensor (the hostile-model campaign's
     * case took 76 s with the quadratic search): planned well within the bound, and as small as possible.
     */
    @Test
    void fiftyThousandOperatorChainPlansQuickly() {
        int n = 50_001;
        int[] sizes = new int[n];
        int[] first = new int[n];
        int[] last = new int[n];
        int[] alias = new int[n];
        for (int t = 0; t < n; t++) {
            sizes[t] = 16 + (t % 7) * 8;
            first[t] = Math.max(0, t - 1);
            last[t] = Math.min(n - 2, t);
            alias[t] = t % 10 == 9 ? t - 1 : -1;
        }
        MemoryPlan plan = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> MemoryPlanner.plan(sizes, first, last, alias));
        assertTrue(plan.arenaBytes() <= 2 * plan.lowerBound(), plan.arenaBytes() + " vs " + plan.lowerBound());
    }
}
