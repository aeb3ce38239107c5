package dev.ember4j.ops.mul;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.support.Elem;

/** Reference quantized MUL (TFLite's MulElementwise / BroadcastMul6DSlow for int8 and uint8). */
public final class MulKernel {
    private MulKernel() {}

    public static void run(MulParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
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
                            row(p, a, as, x1, sa[5], b, bs, x2, sb[5], y, ys, o, s[5]);
                            o += s[5];
                        }
                    }
                }
            }
        }
    }

    private static void row(MulParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        int elem = p.elem();
        for (int i = 0; i < n; i++) {
            int v1 = p.input1Offset() + Elem.get(elem, a, as, x1 + i * st1);
            int v2 = p.input2Offset() + Elem.get(elem, b, bs, x2 + i * st2);
            int r = p.outputOffset() + FixedPoint.multiplyByQuantizedMultiplier(v1 * v2, p.multiplier(), p.shift());
            Elem.put(elem, y, ys, o + i, Math.max(p.activationMin(), Math.min(p.activationMax(), r)));
        }
    }
}
