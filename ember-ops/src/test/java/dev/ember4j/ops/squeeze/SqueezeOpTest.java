/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.squeeze;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SqueezeOpTest {
    @Test
    void shapes() {
        assertArrayEquals(new int[] {3, 2}, SqueezeOp.outputShape(new int[] {1, 3, 1, 2}, new int[0]));
        assertArrayEquals(new int[] {3, 1, 2}, SqueezeOp.outputShape(new int[] {1, 3, 1, 2}, new int[] {0}));
        assertArrayEquals(new int[] {1, 3, 2}, SqueezeOp.outputShape(new int[] {1, 3, 1, 2}, new int[] {-2}));
        assertArrayEquals(new int[] {3, 2}, SqueezeOp.outputShape(new int[] {1, 3, 1, 2}, new int[] {2, 0, -4}));
        assertNull(SqueezeOp.outputShape(new int[] {1, 3}, new int[] {1}));
        assertNull(SqueezeOp.outputShape(new int[] {1, 3}, new int[] {2}));
        assertNull(SqueezeOp.outputShape(new int[] {1, 3}, new int[] {-3}));
    }
}
