package dev.ember4j.ops.add;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.support.Elem;

/** Reference int16 / uint8 ADD (TFLite's reference_ops AddElementwise, BroadcastAdd4DSlow and the int16 POT Add). */
public final class AddQuantizedKernel {
    private AddQuantizedKernel() {}

    public static void run(AddQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int as = in[0].start();
        int bs = in[1].start();
        int ys = out[0].start();
        int e = p.elem();
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
                                int v1 = Elem.get(e, a, as, x1 + i * sa[5]);
                                int v2 = Elem.get(e, b, bs, x2 + i * sb[5]);
                                Elem.put(e, y, ys, o++, p.pot() ? pot(p, v1, v2) : general(p, v1, v2));
                            }
                        }
                    }
                }
            }
        }
    }

    static int general(AddQuantizedParams p, int x1, int x2) {
        int shift = 1 << p.leftShift();
        int v1 = (p.input1Offset() + x1) * shift;
        int v2 = (p.input2Offset() + x2) * shift;
        int r1 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v1, p.input1Multiplier(), p.input1Shift());
        int r2 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v2, p.input2Multiplier(), p.input2Shift());
        int r = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(r1 + r2, p.outputMultiplier(),
                p.outputShift()) + p.outputOffset();
        return Math.max(p.activationMin(), Math.min(p.activationMax(), r));
    }

    static int pot(AddQuantizedParams p, int x1, int x2) {
        int sum = FixedPoint.roundingDivideByPOT(x1, p.potShift1()) + FixedPoint.roundingDivideByPOT(x2, p.potShift2());
        int saturated = Math.max(-32768, Math.min(32767, sum));
        return Math.max(p.activationMin(), Math.min(p.activationMax(), saturated));
    }
}
