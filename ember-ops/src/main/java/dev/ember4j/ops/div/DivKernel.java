package dev.ember4j.ops.div;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.Le;

/**
 * Reference DIV (TFLite's reference_ops::Div / BroadcastDivSlow for float and int32):
 * {@code min(max(x1 / x2, lo), hi)} with C++'s std::max/std::min (a NaN quotient passes through, -0.0
 * is kept against a 0 bound). Float division is IEEE single precision, so x / 0 is an infinity clamped
 * to the activation range (±FLT_MAX without one) and 0 / 0 is NaN, as in TFLite. int32 division
 * truncates toward zero; where TFLite fails the inference (a zero divisor) or traps (MIN_VALUE / -1),
 * Ember4j writes 0 for x / 0 and MIN_VALUE for MIN_VALUE / -1 (then the activation clamp).
 */
public final class DivKernel {
    private DivKernel() {}

    public static void run(DivParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
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
                            if (p.isFloat()) {
                                floatRow(p, a, as, x1, sa[5], b, bs, x2, sb[5], y, ys, o, s[5]);
                            } else {
                                intRow(p, a, as, x1, sa[5], b, bs, x2, sb[5], y, ys, o, s[5]);
                            }
                            o += s[5];
                        }
                    }
                }
            }
        }
    }

    private static void floatRow(DivParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2,
                                 int st2, byte[] y, int ys, int o, int n) {
        float lo = p.floatMin();
        float hi = p.floatMax();
        for (int i = 0; i < n; i++) {
            float q = Le.f32(a, as + 4 * (x1 + i * st1)) / Le.f32(b, bs + 4 * (x2 + i * st2));
            Le.f32(y, ys + 4 * (o + i), clamp(q, lo, hi));
        }
    }

    private static void intRow(DivParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2,
                               int st2, byte[] y, int ys, int o, int n) {
        int lo = p.intMin();
        int hi = p.intMax();
        for (int i = 0; i < n; i++) {
            int u = Le.i32(a, as + 4 * (x1 + i * st1));
            int v = Le.i32(b, bs + 4 * (x2 + i * st2));
            int q = v == 0 ? 0 : u / v; // Java: MIN_VALUE / -1 == MIN_VALUE
            q = q < lo ? lo : q;
            Le.i32(y, ys + 4 * (o + i), hi < q ? hi : q);
        }
    }

    /** std::min(std::max(x, lo), hi): (x < lo ? lo : x), then (hi < x ? hi : x). */
    static float clamp(float x, float lo, float hi) {
        float m = x < lo ? lo : x;
        return hi < m ? hi : m;
    }
}
