/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.ops.common.InvSqrt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvSqrtTest {
    @Test
    void packedIsOneOverSqrt() {
        for (int v = 2; v > 0 && v < 1 << 30; v = v < 1 << 28 ? v * 3 + 1 : -1) {
            long m = InvSqrt.packed(v);
            double real = (int) (m >> 32) / 2147483648.0 * Math.pow(2, (int) m);
            assertEquals(1 / Math.sqrt(v), real, 1e-5 / Math.sqrt(v), "input " + v);
        }
        assertEquals(Integer.MAX_VALUE, (int) (InvSqrt.packed(1) >> 32));
        assertEquals(0, (int) InvSqrt.packed(0));
    }
}
