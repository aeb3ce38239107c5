/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.l2pool2d;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;

/**
 * TFLite's reference L2Pool: per output position and channel, the float sum of squares over the window
 * clipped to the input (rows outer, columns inner), divided by the number of taps, square root, then
 * std::min(std::max(x, actMin), actMax) (a NaN passes, +inf becomes FLT_MAX without activation).
 */
public final class L2Pool2DKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<L2Pool2DParams> KERNEL = L2Pool2DKernel::run;

    private L2Pool2DKernel() {}

    public static void run(L2Pool2DParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int depth = p.depth();
        int o = ys;
        for (int b = 0; b < p.batch(); b++) {
            for (int oy = 0; oy < p.outH(); oy++) {
                int y0 = oy * p.strideH() - p.padTop();
                int fy0 = Math.max(0, -y0);
                int fy1 = Math.min(p.filterH(), p.inH() - y0);
                for (int ox = 0; ox < p.outW(); ox++) {
                    int x0 = ox * p.strideW() - p.padLeft();
                    int fx0 = Math.max(0, -x0);
                    int fx1 = Math.min(p.filterW(), p.inW() - x0);
                    for (int c = 0; c < depth; c++) {
                        float sum = 0f;
                        int count = 0;
                        for (int fy = fy0; fy < fy1; fy++) {
                            int row = (b * p.inH() + y0 + fy) * p.inW();
                            for (int fx = fx0; fx < fx1; fx++) {
                                float v = Le.f32(x, xs + 4 * ((row + x0 + fx) * depth + c));
                                sum += v * v;
                                count++;
                            }
                        }
                        float r = (float) Math.sqrt(sum / (float) count); // sqrtf is correctly rounded
                        r = r < p.actMin() ? p.actMin() : r;
                        r = p.actMax() < r ? p.actMax() : r;
                        Le.f32(y, o, r);
                        o += 4;
                    }
                }
            }
        }
    }
}
