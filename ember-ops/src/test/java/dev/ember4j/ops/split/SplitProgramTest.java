/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.split;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class SplitProgramTest {

    @Test
    void partsMatchTheSlowSplit() {
        Random r = new Random(3);
        for (int iter = 0; iter < 300; iter++) {
            int outer = 1 + r.nextInt(4), dim = 1 + r.nextInt(7), inner = 1 + r.nextInt(4);
            int w = Boxes.WIDTHS[r.nextInt(3)];
            int n = 1 + r.nextInt(dim);
            int[] sizes = new int[n];
            int left = dim;
            for (int k = 0; k < n - 1; k++) {
                sizes[k] = 1 + r.nextInt(left - (n - 1 - k));
                left -= sizes[k];
            }
            sizes[n - 1] = left;
            byte[] x = Run.random(r, outer * dim * inner * w);
            int[] bytes = new int[n];
            for (int k = 0; k < n; k++) {
                bytes[k] = outer * sizes[k] * inner * w;
            }
            SplitParams p = new SplitParams(SplitOp.program(w, outer, dim, inner, sizes));
            byte[][] y = Run.run(r, (in, out, a) -> SplitKernel.run(p, in, out, a, null), new byte[][] {x}, bytes);
            int start = 0;
            for (int k = 0; k < n; k++) {
                byte[] e = new byte[bytes[k]];
                for (int o = 0; o < outer; o++) {
                    for (int j = 0; j < sizes[k]; j++) {
                        for (int i = 0; i < inner; i++) {
                            Boxes.copyElement(x, (o * dim + start + j) * inner + i, e, (o * sizes[k] + j) * inner + i, w);
                        }
                    }
                }
                assertArrayEquals(e, y[k], "split " + k);
                start += sizes[k];
            }
        }
    }
}
