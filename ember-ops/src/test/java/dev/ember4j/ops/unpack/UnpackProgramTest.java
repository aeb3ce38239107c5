/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unpack;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class UnpackProgramTest {

    @Test
    void matchesTheSlowUnpack() {
        Random r = new Random(6);
        for (int iter = 0; iter < 300; iter++) {
            int rank = 1 + r.nextInt(4);
            int[] shape = Boxes.randomShape(r, rank, 4);
            int axis = r.nextInt(rank);
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] x = Run.random(r, Boxes.count(shape) * w);
            int num = shape[axis];
            int outer = 1, inner = 1;
            for (int i = 0; i < axis; i++) {
                outer *= shape[i];
            }
            for (int i = axis + 1; i < rank; i++) {
                inner *= shape[i];
            }
            int[] bytes = new int[num];
            java.util.Arrays.fill(bytes, outer * inner * w);
            UnpackParams p = new UnpackParams(UnpackOp.program(w, outer, num, inner));
            byte[][] y = Run.run(r, (in, out, a) -> UnpackKernel.run(p, in, out, a, null), new byte[][] {x}, bytes);
            for (int k = 0; k < num; k++) {
                byte[] e = new byte[bytes[k]];
                for (int f = 0; f < outer * inner; f++) {
                    int[] idx = Boxes.unflatten(f, new int[] {outer, inner});
                    Boxes.copyElement(x, (idx[0] * num + k) * inner + idx[1], e, f, w);
                }
                assertArrayEquals(e, y[k], "output " + k);
            }
        }
    }
}
