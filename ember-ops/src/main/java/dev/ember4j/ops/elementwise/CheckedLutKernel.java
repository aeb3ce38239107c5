package dev.ember4j.ops.elementwise;

import dev.ember4j.core.EmberException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;

/** Table lookup of int8 elements that fails, as TFLite's invocation does, on an input outside the domain. */
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
            if (v < minValid) {
                throw new EmberException(BuiltinOperator.values()[p.op()] + ": input value " + v
                        + " is below the zero point " + minValid + "; the operator is only defined for "
                        + "non-negative values");
            }
            y[ys + i] = table[v & 0xff];
        }
    }
}
