/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchtospacend;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class BatchToSpaceNdProgramTest {

    /** TFLite's reference loop: every input element lands where its batch offset says, unless cropped. */
    @Test
    void matchesTheReferenceLoop() {
        Random r = new Random(13);
        for (int iter = 0; iter < 300; iter++) {
            int bh = 1 + r.nextInt(3), bw = 1 + r.nextInt(3), ob = 1 + r.nextInt(2);
            int[] s = {ob * bh * bw, 1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(2)};
            int[] crops = new int[4];
            crops[0] = r.nextInt(s[1] * bh);
            crops[1] = r.nextInt(s[1] * bh - crops[0]);
            crops[2] = r.nextInt(s[2] * bw);
            crops[3] = r.nextInt(s[2] * bw - crops[2]);
            int[] os = {ob, s[1] * bh - crops[0] - crops[1], s[2] * bw - crops[2] - crops[3], s[3]};
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] x = Run.random(r, Boxes.count(s) * w);
            BatchToSpaceNdParams p = new BatchToSpaceNdParams(BatchToSpaceNdOp.program(w, s, new int[] {bh, bw}, crops));
            int n = Boxes.count(os);
            byte[] y = Run.run(r, (in, out, a) -> BatchToSpaceNdKernel.run(p, in, out, a, null), new byte[][] {x},
                    n * w)[0];
            byte[] e = new byte[n * w];
            for (int f = 0; f < Boxes.count(s); f++) {
                int[] i = Boxes.unflatten(f, s);
                int b = i[0] % ob, off = i[0] / ob;
                int h = i[1] * bh + off / bw - crops[0], ww = i[2] * bw + off % bw - crops[2];
                if (h >= 0 && h < os[1] && ww >= 0 && ww < os[2]) {
                    Boxes.copyElement(x, f, e, Boxes.flatten(new int[] {b, h, ww, i[3]}, os), w);
                }
            }
            assertArrayEquals(e, y);
        }
    }
}
