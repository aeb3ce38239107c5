package dev.ember4j.ops.elementwise;

import dev.ember4j.core.ops.Slot;

/**
 * Table lookup of int8 elements with a domain: an input below {@code minValid} (a negative value for
 * SQRT or RSQRT) is where TFLite fails the whole invocation. An inference here never fails on its data,
 * so such an element is taken as {@code minValid} (the real value 0) instead: the output is then what
 * TFLite gives for 0, and every in-domain element is exact.
 */
public final class CheckedLutKernel {
    private CheckedLutKernel() {}

    public static void run(CheckedLutParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        byte[] table = p.table();
        int n = p.count();
        int minValid = p.minValid();
        for (int i = 0; i < n; i++) {
            int v = x[xs + i];
            y[ys + i] = table[Math.max(v, minValid) & 0xff];
        }
    }
}
