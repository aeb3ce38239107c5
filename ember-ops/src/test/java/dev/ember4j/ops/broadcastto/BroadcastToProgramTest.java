/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.broadcastto;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class BroadcastToProgramTest {

    @Test
    void matchesTheSlowBroadcast() {
        Random r = new Random(16);
        for (int iter = 0; iter < 300; iter++) {
            int rank = 1 + r.nextInt(6);
            int[] target = Boxes.randomShape(r, rank, 3);
            int inRank = r.nextInt(rank + 1);
            int[] s = new int[inRank];
            for (int i = 0; i < inRank; i++) {
                s[i] = r.nextBoolean() ? 1 : target[rank - inRank + i];
            }
            assertNull(BroadcastToOp.check(s, target));
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] x = Run.random(r, Boxes.count(s) * w);
            BroadcastToParams p = new BroadcastToParams(BroadcastToOp.program(w, s, target));
            int n = Boxes.count(target);
            byte[] y = Run.run(r, (in, out, a) -> BroadcastToKernel.run(p, in, out, a, null), new byte[][] {x}, n * w)[0];
            byte[] e = new byte[n * w];
            for (int f = 0; f < n; f++) {
                int[] o = Boxes.unflatten(f, target);
                int[] src = new int[inRank];
                for (int i = 0; i < inRank; i++) {
                    src[i] = s[i] == 1 ? 0 : o[rank - inRank + i];
                }
                Boxes.copyElement(x, Boxes.flatten(src, s), e, f, w);
            }
            assertArrayEquals(e, y);
        }
    }

    @Test
    void incompatibleShapesAreFound() {
        assertNotNull(BroadcastToOp.check(new int[] {2, 3}, new int[] {3}));
        assertNotNull(BroadcastToOp.check(new int[] {2}, new int[] {3, 3}));
        assertNull(BroadcastToOp.check(new int[] {3, 1}, new int[] {2, 3, 4}));
    }
}
