/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import dev.ember4j.core.ops.Slot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReductionTest {

    @Test
    void outputShapesFollowTflite() {
        assertArrayEquals(new int[] {1, 1, 1, 8}, Reduction.of(new int[] {1, 6, 6, 8}, new int[] {1, 2}, true).outputShape());
        assertArrayEquals(new int[] {1, 8}, Reduction.of(new int[] {1, 6, 6, 8}, new int[] {-3, 2, 1}, false).outputShape());
        assertArrayEquals(new int[] {1, 5, 8}, Reduction.of(new int[] {1, 5, 7, 8}, new int[] {2}, false).outputShape());
        assertArrayEquals(new int[] {}, Reduction.of(new int[] {3, 4}, new int[] {0, -1}, false).outputShape());
        Reduction r = Reduction.of(new int[] {2, 3, 4}, new int[] {-2}, true);
        assertEquals(3, r.reducedCount());
        assertEquals(8, r.outputCount());
        assertThrows(IllegalArgumentException.class, () -> Reduction.of(new int[] {2, 3}, new int[] {2}, false));
        assertThrows(IllegalArgumentException.class, () -> Reduction.of(new int[] {2, 3}, new int[] {-3}, false));
    }

    @Test
    void maxAndMinMatchSlowReduction() {
        Random rnd = new Random(7);
        for (int t = 0; t < 300; t++) {
            int[] shape = SlowReduce.randomShape(rnd);
            int[] axes = SlowReduce.randomAxes(rnd, shape.length);
            Reduction r = Reduction.of(shape, axes, rnd.nextBoolean());
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            byte[] arena = new byte[n + r.outputCount() + 5];
            rnd.nextBytes(arena);
            int off = 3;
            for (boolean max : new boolean[] {true, false}) {
                ExtremeKernel.run(new ExtremeParams(r.shape6(), r.outStrides6(), r.outputCount(), max),
                        new Slot[] {Slot.arena(0)}, new Slot[] {Slot.arena(n + off)}, arena, new byte[0]);
                List<List<Integer>> g = SlowReduce.groups(shape, axes);
                assertEquals(g.size(), r.outputCount());
                for (int o = 0; o < g.size(); o++) {
                    int best = max ? -129 : 128;
                    for (int i : g.get(o)) {
                        best = max ? Math.max(best, arena[i]) : Math.min(best, arena[i]);
                    }
                    assertEquals(best, arena[n + off + o], "max=" + max + " output " + o);
                }
            }
        }
    }
}
