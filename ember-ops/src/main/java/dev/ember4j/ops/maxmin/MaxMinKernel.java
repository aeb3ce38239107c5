package dev.ember4j.ops.maxmin;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.Le;

/**
 * Reference MAXIMUM / MINIMUM (TFLite's MaximumMinimumBroadcastSlow): {@code a > b ? a : b} or
 * {@code a < b ? a : b} per element, in the tensors' own type.
 */
public final class MaxMinKernel {
    private MaxMinKernel() {}

    public static final int INT8 = 0;
    public static final int UINT8 = 1;
    public static final int INT16 = 2;
    public static final int INT32 = 3;
    public static final int FLOAT32 = 4;
    public static final int INT64 = 5;

    public static int bytes(int type) {
        return switch (type) {
            case INT8, UINT8 -> 1;
            case INT16 -> 2;
            case INT32, FLOAT32 -> 4;
            default -> 8;
        };
    }

    public static void run(MaxMinParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
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

    /** Elements (not bytes) x1, x2 and o onward, {@code n} of them. */
    private static void row(MaxMinParams p, byte[] a, int as, int x1, int st1, byte[] b, int bs, int x2, int st2,
                            byte[] y, int ys, int o, int n) {
        boolean max = p.max();
        switch (p.type()) {
            case INT8 -> {
                for (int i = 0; i < n; i++) {
                    byte u = a[as + x1 + i * st1];
                    byte v = b[bs + x2 + i * st2];
                    y[ys + o + i] = max ? (u > v ? u : v) : (u < v ? u : v);
                }
            }
            case UINT8 -> {
                for (int i = 0; i < n; i++) {
                    int u = a[as + x1 + i * st1] & 0xff;
                    int v = b[bs + x2 + i * st2] & 0xff;
                    y[ys + o + i] = (byte) (max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
            case INT16 -> {
                for (int i = 0; i < n; i++) {
                    short u = Le.i16(a, as + 2 * (x1 + i * st1));
                    short v = Le.i16(b, bs + 2 * (x2 + i * st2));
                    Le.i16(y, ys + 2 * (o + i), max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
            case INT32 -> {
                for (int i = 0; i < n; i++) {
                    int u = Le.i32(a, as + 4 * (x1 + i * st1));
                    int v = Le.i32(b, bs + 4 * (x2 + i * st2));
                    Le.i32(y, ys + 4 * (o + i), max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    float u = Le.f32(a, as + 4 * (x1 + i * st1));
                    float v = Le.f32(b, bs + 4 * (x2 + i * st2));
                    // NaN compares false, so the second operand is taken, as in C++
                    Le.f32(y, ys + 4 * (o + i), max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
            default -> {
                for (int i = 0; i < n; i++) {
                    long u = Le.i64(a, as + 8 * (x1 + i * st1));
                    long v = Le.i64(b, bs + 8 * (x2 + i * st2));
                    Le.i64(y, ys + 8 * (o + i), max ? (u > v ? u : v) : (u < v ? u : v));
                }
            }
        }
    }
}
