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
}
