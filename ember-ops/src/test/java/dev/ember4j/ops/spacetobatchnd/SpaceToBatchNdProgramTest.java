/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.spacetobatchnd;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class SpaceToBatchNdProgramTest {

    /** TFLite's reference loop over output elements: input or the pad value. */
    @Test
    void matchesTheReferenceLoop() {
        Random r = new Random(14);
        for (int iter = 0; iter < 300; iter++) {
            int bh = 1 + r.nextInt(3), bw = 1 + r.nextInt(3);
            int[] s = {1 + r.nextInt(2), 1 + r.nextInt(4), 1 + r.nextInt(4), 1 + r.nextInt(2)};
            int[] pads = new int[4];
            pads[0] = r.nextInt(3);
            pads[1] = (bh - (s[1] + pads[0]) % bh) % bh + bh * r.nextInt(2);
            pads[2] = r.nextInt(3);
            pads[3] = (bw - (s[2] + pads[2]) % bw) % bw;
            int[] os = {s[0] * bh * bw, (s[1] + pads[0] + pads[1]) / bh, (s[2] + pads[2] + pads[3]) / bw, s[3]};
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] pad = Run.random(r, w);
            byte[] x = Run.random(r, Boxes.count(s) * w);
            int n = Boxes.count(os);
            SpaceToBatchNdParams p = new SpaceToBatchNdParams(pad, n * w,
                    SpaceToBatchNdOp.program(w, s, new int[] {bh, bw}, pads));
            byte[] y = Run.run(r, (in, out, a) -> SpaceToBatchNdKernel.run(p, in, out, a, null), new byte[][] {x},
                    n * w)[0];
            byte[] e = new byte[n * w];
            for (int f = 0; f < n; f++) {
                int[] o = Boxes.unflatten(f, os);
                int b = o[0] % s[0], shiftW = (o[0] / s[0]) % bw, shiftH = (o[0] / s[0]) / bw;
                int h = o[1] * bh + shiftH - pads[0], ww = o[2] * bw + shiftW - pads[2];
                if (h >= 0 && h < s[1] && ww >= 0 && ww < s[2]) {
                    Boxes.copyElement(x, Boxes.flatten(new int[] {b, h, ww, o[3]}, s), e, f, w);
                } else {
                    System.arraycopy(pad, 0, e, f * w, w);
                }
            }
            assertArrayEquals(e, y);
        }
    }
}
