/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.shape;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ShapeOpTest {
    @Test
    void littleEndianDimensions() {
        assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 1, 0, 0}, ShapeOp.bytes(new int[] {1, 256}, 4));
        assertArrayEquals(new byte[] {3, 0, 0, 0, 0, 0, 0, 0}, ShapeOp.bytes(new int[] {3}, 8));
    }
}
