package dev.ember4j.ops.sub;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.support.Le;

/** Reference int16 SUB (TFLite's int16 AddElementwise with a negated input-2 multiplier, zero points 0). */
public final class SubInt16Kernel {
    private SubInt16Kernel() {}

    public static void run(SubInt16Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int as = in[0].start();
        int bs = in[1].start();
        int ys = out[0].start();
        int[] s = p.outputShape();
        int[] sa = p.strides1();
        int[] sb = p.strides2();
        int o = 0;
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int x1 = i0 * sa[0] + i1 * sa[1] + i2 * sa[2] + i3 * sa[3] + i4 * sa[4];
                            int x2 = i0 * sb[0] + i1 * sb[1] + i2 * sb[2] + i3 * sb[3] + i4 * sb[4];
                            for (int i = 0; i < s[5]; i++) {
                                int v1 = Le.i16(a, as + 2 * (x1 + i * sa[5]));
                                int v2 = Le.i16(b, bs + 2 * (x2 + i * sb[5]));
                                Le.i16(y, ys + 2 * o++, (short) apply(p, v1, v2));
                            }
                        }
                    }
                }
            }
        }
    }

    static int apply(SubInt16Params p, int x1, int x2) {
        int r1 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(x1 * (1 << SubOp.LEFT_SHIFT_INT16),
                p.input1Multiplier(), p.input1Shift());
        int r2 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(x2 * (1 << SubOp.LEFT_SHIFT_INT16),
                p.input2Multiplier(), p.input2Shift());
        int r = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(r1 + r2, p.outputMultiplier(),
                p.outputShift());
        return Math.max(p.activationMin(), Math.min(p.activationMax(), r));
    }
}
