/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fill;

import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class FillKernelTest {
    @Test
    void repeatsTheValueBytes() {
        Random r = new Random(17);
        for (int w : new int[] {1, 2, 4, 8}) {
            byte[] v = Run.random(r, w);
            byte[] y = Run.run(r, (in, out, a) -> FillKernel.run(new FillParams(w, 7), in, out, a, null),
                    new byte[][] {v}, 7 * w)[0];
            byte[] e = new byte[7 * w];
            for (int i = 0; i < 7; i++) {
                System.arraycopy(v, 0, e, i * w, w);
            }
            assertArrayEquals(e, y);
        }
    }
}
