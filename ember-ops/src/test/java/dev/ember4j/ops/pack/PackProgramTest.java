/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pack;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class PackProgramTest {

    @Test
    void matchesTheSlowPack() {
        Random r = new Random(5);
        for (int iter = 0; iter < 300; iter++) {
            int rank = r.nextInt(4);
            int[] shape = Boxes.randomShape(r, rank, 4);
            int axis = r.nextInt(rank + 1);
            int n = 1 + r.nextInt(4);
            int w = Boxes.WIDTHS[r.nextInt(3)];
            int count = Boxes.count(shape);
            byte[][] xs = new byte[n][];
            for (int i = 0; i < n; i++) {
                xs[i] = Run.random(r, count * w);
            }
            int[] outShape = PackOp.outputShape(shape, axis, n);
            int outer = 1;
            for (int i = 0; i < axis; i++) {
                outer *= shape[i];
            }
            PackParams p = new PackParams(PackOp.program(w, outer, count / outer, n));
            byte[] y = Run.run(r, (in, out, a) -> PackKernel.run(p, in, out, a, null), xs, count * n * w)[0];
            byte[] e = new byte[y.length];
            for (int f = 0; f < count * n; f++) {
                int[] o = Boxes.unflatten(f, outShape);
                int[] src = new int[rank];
                for (int i = 0, j = 0; i < rank + 1; i++) {
                    if (i != axis) {
                        src[j++] = o[i];
                    }
                }
                Boxes.copyElement(xs[o[axis]], Boxes.flatten(src, shape), e, f, w);
            }
            assertArrayEquals(e, y);
        }
    }
}
