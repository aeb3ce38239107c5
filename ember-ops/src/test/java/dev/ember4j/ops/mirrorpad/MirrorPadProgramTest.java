/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mirrorpad;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class MirrorPadProgramTest {

    /** TFLite's per-dimension index mapping (offset 1 = REFLECT, 0 = SYMMETRIC). */
    static int inputIndex(int i, int left, int n, int offset) {
        if (i < left) {
            int orig = left + offset - 1;
            return orig - Math.min(i, orig - offset);
        }
        i -= left;
        if (i >= n) {
            i -= n;
            int orig = n - (1 + offset);
            return orig - Math.min(i, orig);
        }
        return i;
    }

    @Test
    void matchesTheIndexMapping() {
        Random r = new Random(15);
        for (int iter = 0; iter < 300; iter++) {
            int rank = 1 + r.nextInt(4);
            int offset = r.nextInt(2);
            int[] s = Boxes.randomShape(r, rank, 4);
            int[] pads = new int[2 * rank];
            int[] os = new int[rank];
            for (int i = 0; i < rank; i++) {
                int limit = s[i] - offset;
                pads[2 * i] = r.nextInt(limit + 1);
                pads[2 * i + 1] = r.nextInt(limit + 1);
                os[i] = s[i] + pads[2 * i] + pads[2 * i + 1];
            }
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] x = Run.random(r, Boxes.count(s) * w);
            MirrorPadParams p = new MirrorPadParams(MirrorPadOp.program(w, s, pads, offset));
            int n = Boxes.count(os);
            byte[] y = Run.run(r, (in, out, a) -> MirrorPadKernel.run(p, in, out, a, null), new byte[][] {x}, n * w)[0];
            byte[] e = new byte[n * w];
            for (int f = 0; f < n; f++) {
                int[] o = Boxes.unflatten(f, os);
                int[] src = new int[rank];
                for (int i = 0; i < rank; i++) {
                    src[i] = inputIndex(o[i], pads[2 * i], s[i], offset);
                }
                Boxes.copyElement(x, Boxes.flatten(src, s), e, f, w);
            }
            assertArrayEquals(e, y, java.util.Arrays.toString(s) + " " + java.util.Arrays.toString(pads) + " " + offset);
        }
    }
}
