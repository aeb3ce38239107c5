/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gathernd;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class GatherNdParamsTest {

    @Test
    void matchesTheSlowGatherNd() {
        Random r = new Random(8);
        for (int iter = 0; iter < 300; iter++) {
            int rank = 1 + r.nextInt(4);
            int[] shape = Boxes.randomShape(r, rank, 4);
            int k = 1 + r.nextInt(rank);
            int m = 1 + r.nextInt(5);
            int[] idx = new int[m * k];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = r.nextInt(shape[i % k]);
            }
            assertNull(GatherNdOp.check(shape, idx, k));
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] x = Run.random(r, Boxes.count(shape) * w);
            GatherNdParams p = GatherNdOp.params(w, shape, idx, k);
            int slice = Boxes.count(shape) / Boxes.count(java.util.Arrays.copyOf(shape, k));
            byte[] y = Run.run(r, (in, out, a) -> GatherNdKernel.run(p, in, out, a, null), new byte[][] {x},
                    m * slice * w)[0];
            byte[] e = new byte[y.length];
            for (int t = 0; t < m; t++) {
                for (int s = 0; s < slice; s++) {
                    int[] src = Boxes.unflatten(s, shape);  // trailing part only is meaningful
                    int[] full = new int[rank];
                    int[] tail = Boxes.unflatten(s, java.util.Arrays.copyOfRange(shape, k, rank));
                    for (int i = 0; i < rank; i++) {
                        full[i] = i < k ? idx[t * k + i] : tail[i - k];
                    }
                    Boxes.copyElement(x, Boxes.flatten(full, shape), e, t * slice + s, w);
                }
            }
            assertArrayEquals(e, y);
        }
    }

    @Test
    void outOfRangeIndicesAreFound() {
        assertNotNull(GatherNdOp.check(new int[] {3, 4}, new int[] {0, 4}, 2));
        assertNotNull(GatherNdOp.check(new int[] {3, 4}, new int[] {3, 0}, 2));
        assertNotNull(GatherNdOp.check(new int[] {3, 4}, new int[] {-1}, 1));
        assertNull(GatherNdOp.check(new int[] {3, 4}, new int[] {2, 3}, 2));
    }
}
