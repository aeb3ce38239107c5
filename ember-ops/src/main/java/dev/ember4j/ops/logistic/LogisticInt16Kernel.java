/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logistic;

import dev.ember4j.ops.common.Int16SigmoidTable;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.Int16Sigmoid;
import dev.ember4j.ops.common.Le;

/** Reference int16 LOGISTIC (TFLite's reference_integer_ops::Logistic on int16: table with interpolation). */
public final class LogisticInt16Kernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<LogisticInt16Params> KERNEL = LogisticInt16Kernel::run;

    private LogisticInt16Kernel() {}

    public static void run(LogisticInt16Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int n = p.count();
        for (int i = 0; i < n; i++) {
            Le.i16(y, ys + 2 * i, (short) apply(p, Le.i16(x, xs + 2 * i)));
        }
    }

    /** The output of one int16 input (in [0, 32767]). */
    static int apply(LogisticInt16Params p, int x) {
        int shift = p.inputRightShift();
        int round = shift > 0 ? 1 << (shift - 1) : 0;
        int v = (x * p.inputMultiplier() + round) >> shift;
        int abs = Math.abs(v);
        // the table steps by 1/24; v is in units of 1/(3 * 4096), so 512 of them per step
        int hi = abs >>> 9;
        int result;
        if (hi >= 255) {
            result = 0x7FFF << 10;
        } else {
            int a = Int16SigmoidTable.table(hi);
            int b = Int16SigmoidTable.table(hi + 1);
            int frac = abs & 0x1ff;
            result = (a << 9) + frac * (b - a);
        }
        result = v >= 0 ? result + (1 << 9) : (1 << (16 + 9)) - result + (1 << 9) - 1;
        return result >>> 10;
    }
}
