/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.zeroslike;

import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class ZerosLikeKernelTest {
    @Test
    void writesZeros() {
        Random r = new Random(18);
        byte[] x = Run.random(r, 24);
        byte[] y = Run.run(r, (in, out, a) -> ZerosLikeKernel.run(new ZerosLikeParams(24), in, out, a, null),
                new byte[][] {x}, 24)[0];
        assertArrayEquals(new byte[24], y);
    }
}
