/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.select;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/** Reference SELECT / SELECT_V2 (TFLite's Select, RankOneSelect and BroadcastSelect*Slow). */
public final class SelectKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<SelectParams> KERNEL = SelectKernel::run;

    private SelectKernel() {}

    public static void run(SelectParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] c = in[0].array(arena);
        byte[] x = in[1].array(arena);
        byte[] yv = in[2].array(arena);
        byte[] d = out[0].array(arena);
        int cs = in[0].start();
        int xs = in[1].start();
        int ys = in[2].start();
        int o = out[0].start();
        int w = p.elemBytes();
        int[] s = p.outputShape();
        int[] sc = p.conditionStrides();
        int[] sx = p.xStrides();
        int[] sy = p.yStrides();
        for (int i0 = 0; i0 < s[0]; i0++) {
            for (int i1 = 0; i1 < s[1]; i1++) {
                for (int i2 = 0; i2 < s[2]; i2++) {
                    for (int i3 = 0; i3 < s[3]; i3++) {
                        for (int i4 = 0; i4 < s[4]; i4++) {
                            int kc = cs + i0 * sc[0] + i1 * sc[1] + i2 * sc[2] + i3 * sc[3] + i4 * sc[4];
                            int kx = i0 * sx[0] + i1 * sx[1] + i2 * sx[2] + i3 * sx[3] + i4 * sx[4];
                            int ky = i0 * sy[0] + i1 * sy[1] + i2 * sy[2] + i3 * sy[3] + i4 * sy[4];
                            for (int i = 0; i < s[5]; i++) {
                                if (c[kc + i * sc[5]] != 0) {
                                    System.arraycopy(x, xs + (kx + i * sx[5]) * w, d, o, w);
                                } else {
                                    System.arraycopy(yv, ys + (ky + i * sy[5]) * w, d, o, w);
                                }
                                o += w;
                            }
                        }
                    }
                }
            }
        }
    }
}
