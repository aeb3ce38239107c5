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
}
