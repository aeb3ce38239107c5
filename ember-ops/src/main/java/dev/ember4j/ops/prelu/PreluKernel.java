package dev.ember4j.ops.prelu;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;

/** Reference int8 PRELU (TFLite's Prelu and BroadcastPrelu4DSlow: the same arithmetic per element). */
public final class PreluKernel {
    private PreluKernel() {}

    public static void run(PreluParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] a = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int as = in[1].start();
        int ys = out[0].start();
        int[] s = p.outputShape();
        int[] sx = p.inputStrides();
        int[] sa = p.alphaStrides();
        int o = 0;
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int bx = xs + i0 * sx[0] + i1 * sx[1] + i2 * sx[2] + i3 * sx[3] + i4 * sx[4];
                            int ba = as + i0 * sa[0] + i1 * sa[1] + i2 * sa[2] + i3 * sa[3] + i4 * sa[4];
                            for (int i5 = 0; i5 < s[5]; i5++) {
                                y[ys + o++] = (byte) apply(p, x[bx + i5 * sx[5]], a[ba + i5 * sa[5]]);
                            }
                        }
                    }
                }
            }
        }
    }

    /** The output value (in [-128, 127]) of one input and alpha value. */
    static int apply(PreluParams p, int x, int alpha) {
        int d = p.inputOffset() + x;
        int r;
        if (d >= 0) {
            r = FixedPoint.multiplyByQuantizedMultiplier(d, p.multiplier1(), p.shift1());
        } else {
            r = FixedPoint.multiplyByQuantizedMultiplier(d * (p.alphaOffset() + alpha), p.multiplier2(), p.shift2());
        }
        r += p.outputOffset();
        return Math.max(-128, Math.min(127, r));
    }
}
