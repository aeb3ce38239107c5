/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.splitv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SplitVSizesTest {
    @Test
    void sizesAsTflite() {
        assertArrayEquals(new int[] {1, 3, 2}, SplitVOp.sizes(new int[] {1, 3, 2}, 6));
        assertArrayEquals(new int[] {2, 5}, SplitVOp.sizes(new int[] {2, -1}, 7));
        assertArrayEquals(new int[] {0, 7}, SplitVOp.sizes(new int[] {-1, 7}, 7));
        assertNull(SplitVOp.sizes(new int[] {1, 3}, 6));
        assertNull(SplitVOp.sizes(new int[] {-1, -1}, 6));
        assertNull(SplitVOp.sizes(new int[] {4, -1, 3}, 6));
        assertNull(SplitVOp.sizes(new int[] {-2, 8}, 6));
    }
}
