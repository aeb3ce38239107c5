/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.expanddims;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExpandDimsOpTest {
    @Test
    void shapes() {
        assertArrayEquals(new int[] {1, 2, 3}, ExpandDimsOp.outputShape(new int[] {2, 3}, 0));
        assertArrayEquals(new int[] {2, 3, 1}, ExpandDimsOp.outputShape(new int[] {2, 3}, 2));
        assertArrayEquals(new int[] {2, 3, 1}, ExpandDimsOp.outputShape(new int[] {2, 3}, -1));
        assertArrayEquals(new int[] {1, 2, 3}, ExpandDimsOp.outputShape(new int[] {2, 3}, -3));
        assertArrayEquals(new int[] {1}, ExpandDimsOp.outputShape(new int[0], 0));
        assertNull(ExpandDimsOp.outputShape(new int[] {2, 3}, 3));
        assertNull(ExpandDimsOp.outputShape(new int[] {2, 3}, -4));
    }
}
