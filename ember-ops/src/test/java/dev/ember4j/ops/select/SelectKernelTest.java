/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.select;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.binary.SlowBinary;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class SelectKernelTest {

    @Test
    void randomizedBroadcastSelect() {
        Random r = new Random(16);
        int[] widths = {1, 2, 4, 8};
        for (int t = 0; t < 300; t++) {
            int w = widths[r.nextInt(widths.length)];
            int[][] s1 = SlowBinary.randomShapes(r, 4);
            int[][] s2 = SlowBinary.randomShapes(r, 4);
            int[] c = s1[0];
            int[] x = s1[1];
            // y broadcasts with both: take the output shape's tail with some ones
            int[] out6 = SlowBinary.outShape6(c, x);
            int[] y = Arrays.copyOfRange(out6, 6 - Math.max(c.length, x.length), 6);
            for (int d = 0; d < y.length; d++) {
                if (r.nextInt(3) == 0) {
                    y[d] = 1;
                }
            }
            int[][] plan = SelectPrepare.broadcast(c, x, y, 4);
            assertNotNull(plan, "case " + t);
            assertArrayEquals(out6, plan[0]);
            SelectParams p = new SelectParams(plan[0], plan[1], plan[2], plan[3], w);
            int nc = SlowBinary.count(c);
            int nx = SlowBinary.count(x);
            int ny = SlowBinary.count(y);
            int n = SlowBinary.count(out6);
            int c0 = 1;
            int x0 = c0 + nc;
            int y0 = x0 + nx * w + 1;
            int o0 = y0 + ny * w;
            byte[] arena = new byte[o0 + n * w];
            r.nextBytes(arena);
            for (int i = 0; i < nc; i++) {
                arena[c0 + i] = (byte) r.nextInt(2);
            }
            byte[] before = arena.clone();
            SelectKernel.run(p, new Slot[] {Slot.arena(c0), Slot.arena(x0), Slot.arena(y0)},
                    new Slot[] {Slot.arena(o0)}, arena, new byte[0]);
            for (int i = 0; i < n; i++) {
                boolean cond = before[c0 + SlowBinary.source(i, out6, c)] != 0;
                int src = cond ? x0 + w * SlowBinary.source(i, out6, x) : y0 + w * SlowBinary.source(i, out6, y);
                for (int b = 0; b < w; b++) {
                    assertEquals(before[src + b], arena[o0 + i * w + b], "case " + t + " element " + i);
                }
            }
        }
    }

    @Test
    void broadcastRefusals() {
        assertNull(SelectPrepare.broadcast(new int[] {2}, new int[] {3}, new int[] {1}, 4));
        assertNull(SelectPrepare.broadcast(new int[] {1, 1, 1, 1, 2}, new int[] {2}, new int[] {2}, 4));
        assertNotNull(SelectPrepare.broadcast(new int[0], new int[] {2, 3}, new int[] {3}, 4));
    }
}
