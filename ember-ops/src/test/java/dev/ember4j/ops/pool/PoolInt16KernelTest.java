package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.Le;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PoolInt16KernelTest {

    /** Both int16 kernels against a direct window loop (clipped windows, rounding half away from zero). */
    @Test
    void matchesDirectLoop() {
        Random r = new Random(16);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(2), ih = 1 + r.nextInt(6), iw = 1 + r.nextInt(6), c = 1 + r.nextInt(3);
            int fh = 1 + r.nextInt(3), fw = 1 + r.nextInt(3), sh = 1 + r.nextInt(2), sw = 1 + r.nextInt(2);
            int pt = r.nextInt(fh), pl = r.nextInt(fw);
            int oh = 1 + r.nextInt((ih + pt - 1) / sh + 1); // every window meets the input
            int ow = 1 + r.nextInt((iw + pl - 1) / sw + 1);
            int lo = r.nextBoolean() ? -32768 : r.nextInt(1000) - 500;
            int hi = r.nextBoolean() ? 32767 : lo + r.nextInt(2000);
            PoolInt16Params p = new PoolInt16Params(n, ih, iw, c, oh, ow, fh, fw, sh, sw, pt, pl, lo, hi);
            int size = n * ih * iw * c;
            int outSize = n * oh * ow * c;
            byte[] arena = new byte[2 * size + 2 * outSize];
            boolean extremes = r.nextInt(4) == 0;
            for (int i = 0; i < size; i++) {
                Le.i16(arena, 2 * i, (short) (extremes ? (r.nextBoolean() ? -32768 : 32767) : r.nextInt()));
            }
            Slot[] in = {new Slot(null, 0)};
            Slot[] out = {new Slot(null, 2 * size)};
            for (boolean average : new boolean[] {true, false}) {
                if (average) {
                    PoolInt16Kernel.average(p, in, out, arena, new byte[0]);
                } else {
                    PoolInt16Kernel.max(p, in, out, arena, new byte[0]);
                }
                int o = 0;
                for (int b = 0; b < n; b++) {
                    for (int y = 0; y < oh; y++) {
                        for (int x = 0; x < ow; x++) {
                            for (int ch = 0; ch < c; ch++) {
                                long sum = 0;
                                int count = 0;
                                int max = Integer.MIN_VALUE;
                                for (int fy = 0; fy < fh; fy++) {
                                    for (int fx = 0; fx < fw; fx++) {
                                        int iy = y * sh - pt + fy, ix = x * sw - pl + fx;
                                        if (iy >= 0 && iy < ih && ix >= 0 && ix < iw) {
                                            int v = Le.i16(arena, 2 * (((b * ih + iy) * iw + ix) * c + ch));
                                            sum += v;
                                            count++;
                                            max = Math.max(max, v);
                                        }
                                    }
                                }
                                long want;
                                if (average) {
                                    want = count == 0 ? 0 : Math.round(Math.abs((double) sum) / count)
                                            * Long.signum(sum);
                                } else {
                                    want = count == 0 ? -32768 : max;
                                }
                                want = Math.max(lo, Math.min(hi, want));
                                assertEquals(want, Le.i16(arena, 2 * size + 2 * o), "trial " + trial + " avg "
                                        + average + " at " + o);
                                o++;
                            }
                        }
                    }
                }
            }
        }
    }
}
