/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthtospace;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class DepthToSpaceProgramTest {

    @Test
    void matchesTheSlowDepthToSpace() {
        Random r = new Random(11);
        for (int iter = 0; iter < 200; iter++) {
            int bs = 1 + r.nextInt(3);
            int[] s = {1 + r.nextInt(2), 1 + r.nextInt(3), 1 + r.nextInt(3), bs * bs * (1 + r.nextInt(3))};
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] x = Run.random(r, Boxes.count(s) * w);
            int oc = s[3] / (bs * bs);
            int[] os = {s[0], s[1] * bs, s[2] * bs, oc};
            DepthToSpaceParams p = new DepthToSpaceParams(DepthToSpaceOp.program(w, s, bs));
            byte[] y = Run.run(r, (in, out, a) -> DepthToSpaceKernel.run(p, in, out, a, null), new byte[][] {x},
                    x.length)[0];
            byte[] e = new byte[x.length];
            for (int f = 0; f < Boxes.count(os); f++) {
                int[] o = Boxes.unflatten(f, os);
                int[] src = {o[0], o[1] / bs, o[2] / bs, ((o[1] % bs) * bs + o[2] % bs) * oc + o[3]};
                Boxes.copyElement(x, Boxes.flatten(src, s), e, f, w);
            }
            assertArrayEquals(e, y);
        }
    }
}
