package dev.ember4j.ops.squareddifference;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;

/** Reference int8 SQUARED_DIFFERENCE (TFLite's squared_difference.cc integer path). */
public final class SquaredDifferenceKernel {
    private SquaredDifferenceKernel() {}

    public static void run(SquaredDifferenceParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int as = in[0].start();
        int bs = in[1].start();
        int o = out[0].start();
        int[] s = p.outputShape();
        int[] sa = p.strides1();
        int[] sb = p.strides2();
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int x1 = as + i0 * sa[0] + i1 * sa[1] + i2 * sa[2] + i3 * sa[3] + i4 * sa[4];
                            int x2 = bs + i0 * sb[0] + i1 * sb[1] + i2 * sb[2] + i3 * sb[3] + i4 * sb[4];
                            row(p, a, x1, sa[5], b, x2, sb[5], y, o, s[5]);
                            o += s[5];
                        }
                    }
                }
            }
        }
    }

    private static void row(SquaredDifferenceParams p, byte[] a, int x1, int st1, byte[] b, int x2, int st2,
                            byte[] y, int o, int n) {
        int shift = 1 << p.leftShift();
        for (int i = 0; i < n; i++) {
            int v1 = (p.input1Offset() + a[x1 + i * st1]) * shift;
            int v2 = (p.input2Offset() + b[x2 + i * st2]) * shift;
            int r1 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v1, p.input1Multiplier(), p.input1Shift());
            int r2 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v2, p.input2Multiplier(), p.input2Shift());
            int d = r1 - r2;
            int r = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(d * d, p.outputMultiplier(),
                    p.outputShift()) + p.outputOffset();
            y[o + i] = (byte) Math.max(-128, Math.min(127, r));
        }
    }
}
