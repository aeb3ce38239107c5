package dev.ember4j.ops.sum;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.support.Le;

/** Reference rescaling int8 SUM, bytes read and written as uint8 as TFLite 2.21 does (see {@link SumParams}). */
public final class SumKernel {
    private SumKernel() {}

    public static void run(SumParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int n = p.outputCount();
        for (int o = 0; o < n; o++) {
            Le.i32(scratch, 4 * o, 0);
        }
        int[] s = p.shape();
        int[] st = p.outStrides();
        int i = xs;
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int base = i0 * st[0] + i1 * st[1] + i2 * st[2] + i3 * st[3] + i4 * st[4];
                            for (int i5 = 0; i5 < s[5]; i5++) {
                                int at = 4 * (base + i5 * st[5]);
                                Le.i32(scratch, at, Le.i32(scratch, at) + (x[i++] & 0xff));
                            }
                        }
                    }
                }
            }
        }
        long offset = (long) p.inputZeroPoint() * p.count();
        for (int o = 0; o < n; o++) {
            int shifted = (int) (Le.i32(scratch, 4 * o) - offset);
            int r = FixedPoint.multiplyByQuantizedMultiplier(shifted, p.multiplier(), p.shift()) + p.outputZeroPoint();
            y[ys + o] = (byte) Math.max(0, Math.min(255, r));
        }
    }
}
