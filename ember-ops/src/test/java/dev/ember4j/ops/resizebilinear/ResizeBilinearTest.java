/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizebilinear;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResizeBilinearTest {

    private static byte[] run(byte[] x, int n, int h, int w, int c, int oh, int ow, boolean ac, boolean hp) {
        int[][] rows = ResizeBilinearOp.axis(h, oh, ac, hp);
        int[][] cols = ResizeBilinearOp.axis(w, ow, ac, hp);
        ResizeBilinearParams p = new ResizeBilinearParams(n, h, w, c, rows[0], rows[1], rows[2], cols[0], cols[1],
                cols[2]);
        byte[] arena = new byte[3 + n * oh * ow * c];
        ResizeBilinearKernel.run(p, new Slot[] {Slot.constant(x)}, new Slot[] {Slot.arena(3)}, arena, new byte[0]);
        byte[] y = new byte[n * oh * ow * c];
        System.arraycopy(arena, 3, y, 0, y.length);
        return y;
    }

    @Test
    void knownValuesAndNegativeTiesRoundAwayFromZero() {
        // 1x2 -> 1x4, default: Q10 positions 0, 512, 1024, 1536 (the last clamps to column 1)
        assertArrayEquals(new byte[] {0, 50, 100, 100}, run(new byte[] {0, 100}, 1, 1, 2, 1, 1, 4, false, false));
        // -0.5 rounds to -1 (half away from zero), +0.5 to 1
        assertArrayEquals(new byte[] {-1, -1, 0, 0}, run(new byte[] {-1, 0}, 1, 1, 2, 1, 1, 4, false, false));
        assertArrayEquals(new byte[] {1, 1, 0, 0}, run(new byte[] {1, 0}, 1, 1, 2, 1, 1, 4, false, false));
        // half_pixel_centers: the first position is -0.25 -> weights 1.25 and -0.25 on the same pixel
        assertArrayEquals(new byte[] {10, 13, 18, 20}, run(new byte[] {10, 20}, 1, 1, 2, 1, 1, 4, false, true));
    }

    @Test
    void kernelMatchesPerElementReference() {
        Random r = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + r.nextInt(2);
            int h = 1 + r.nextInt(6);
            int w = 1 + r.nextInt(6);
            int c = 1 + r.nextInt(3);
            int oh = 1 + r.nextInt(9);
            int ow = 1 + r.nextInt(9);
            boolean ac = r.nextBoolean();
            boolean hp = !ac && r.nextBoolean();
            byte[] x = new byte[n * h * w * c];
            r.nextBytes(x);
            byte[] y = run(x, n, h, w, c, oh, ow, ac, hp);
            for (int b = 0; b < n; b++) {
                for (int yy = 0; yy < oh; yy++) {
                    for (int xx = 0; xx < ow; xx++) {
                        for (int ch = 0; ch < c; ch++) {
                            assertEquals(slow(x, b, yy, xx, ch, h, w, c, oh, ow, ac, hp),
                                    y[((b * oh + yy) * ow + xx) * c + ch]);
                        }
                    }
                }
            }
        }
    }

    /** One output element straight from the Q10 definition, with exact big-number rounding. */
    private static byte slow(byte[] x, int b, int oy, int ox, int ch, int h, int w, int c, int oh, int ow,
                             boolean ac, boolean hp) {
        long[] py = pos(oy, h, oh, ac, hp);
        long[] px = pos(ox, w, ow, ac, hp);
        long total = 0;
        for (int k = 0; k < 4; k++) {
            int yi = (int) (k < 2 ? py[0] : py[1]);
            int xi = (int) (k % 2 == 0 ? px[0] : px[1]);
            long wy = k < 2 ? 1024 - py[2] : py[2];
            long wx = k % 2 == 0 ? 1024 - px[2] : px[2];
            total += x[((b * h + yi) * w + xi) * c + ch] * wy * wx;
        }
        java.math.BigDecimal q = java.math.BigDecimal.valueOf(total).divide(java.math.BigDecimal.valueOf(1L << 20));
        return (byte) q.setScale(0, java.math.RoundingMode.HALF_UP).intValue();
    }

    /** {lower, upper, Q10 distance}: scale rounded to nearest in Q10, floor-to-zero lower bound. */
    private static long[] pos(int i, int in, int out, boolean ac, boolean hp) {
        long num = ac && out > 1 ? 1024L * (in - 1) : 1024L * in;
        long den = ac && out > 1 ? out - 1 : out;
        long scale = (num + den / 2) / den;
        long p = hp ? i * scale + scale / 2 - 512 : i * scale;
        long lo = Math.max(p < 0 ? 0 : p / 1024, 0);
        long hi = Math.min((p + 1023) / 1024, in - 1);
        if (p + 1023 < 0) {
            hi = 0;
        }
        return new long[] {lo, hi, p - 1024 * lo};
    }

    private static OpContext ctx(TensorType type, Integer... opts) {
        OpFixture f = new OpFixture();
        int in = f.tensor(type, 0.1f, 0, 1, 3, 4, 2);
        int s = f.int32Constant(new int[] {5, 7}, 2);
        int out = f.tensor(type, 0.1f, 0, 1, 5, 7, 2);
        return f.context(BuiltinOperator.RESIZE_BILINEAR, new int[] {in, s}, new int[] {out}, 15,
                OpFixture.options(opts));
    }

    @Test
    void prepareReadsOptionsAndRefuses() {
        ResizeBilinearParams p = (ResizeBilinearParams) new ResizeBilinearOp().prepare(
                ctx(TensorType.INT8, null, null, 0, 1)).params();
        assertArrayEquals(ResizeBilinearOp.axis(3, 5, false, true)[2], p.dy());
        assertThrows(ModelFormatException.class,
                () -> new ResizeBilinearOp().prepare(ctx(TensorType.INT8, null, null, 1, 1)));
        assertThrows(UnsupportedOperatorException.class,
                () -> new ResizeBilinearOp().prepare(ctx(TensorType.UINT8)));
    }
}
