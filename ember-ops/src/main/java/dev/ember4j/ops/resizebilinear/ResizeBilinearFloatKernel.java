/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizebilinear;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * TFLite's reference_ops::ResizeBilinear on floats: {@code v00·(1−dy)·(1−dx) + v10·dy·(1−dx) +
 * v01·(1−dy)·dx + v11·dy·dx + 0.0f}, every operation rounded to float from left to right (the trailing
 * {@code + 0.0f}, the integer path's rounding offset, turns −0.0 into +0.0).
 */
public final class ResizeBilinearFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ResizeBilinearFloatParams> KERNEL = ResizeBilinearFloatKernel::run;

    private ResizeBilinearFloatKernel() {}

    public static void run(ResizeBilinearFloatParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int o = out[0].start();
        int depth = p.depth();
        int inH = p.inHeight();
        int inW = p.inWidth();
        int outH = p.y0().length;
        int outW = p.x0().length;
        for (int b = 0; b < p.batches(); b++) {
            for (int oy = 0; oy < outH; oy++) {
                float dy = position(oy, p.heightScale(), p.halfPixel()) - (float) p.y0()[oy];
                int r0 = (b * inH + p.y0()[oy]) * inW;
                int r1 = (b * inH + p.y1()[oy]) * inW;
                for (int ox = 0; ox < outW; ox++) {
                    float dx = position(ox, p.widthScale(), p.halfPixel()) - (float) p.x0()[ox];
                    int i00 = xs + 4 * depth * (r0 + p.x0()[ox]);
                    int i10 = xs + 4 * depth * (r1 + p.x0()[ox]);
                    int i01 = xs + 4 * depth * (r0 + p.x1()[ox]);
                    int i11 = xs + 4 * depth * (r1 + p.x1()[ox]);
                    for (int c = 0; c < depth; c++) {
                        float s = X86Float.mul(X86Float.mul(Le.f32(x, i00 + 4 * c), 1 - dy), 1 - dx);
                        s = X86Float.add(s, X86Float.mul(X86Float.mul(Le.f32(x, i10 + 4 * c), dy), 1 - dx));
                        s = X86Float.add(s, X86Float.mul(X86Float.mul(Le.f32(x, i01 + 4 * c), 1 - dy), dx));
                        s = X86Float.add(s, X86Float.mul(X86Float.mul(Le.f32(x, i11 + 4 * c), dy), dx));
                        Le.f32(y, o, s + 0f);
                        o += 4;
                    }
                }
            }
        }
    }

    /** TFLite's float source position of output index {@code i}: {@code (i + 0.5f) * scale - 0.5f} or {@code i * scale}. */
    static float position(int i, float scale, boolean halfPixel) {
        return halfPixel ? ((float) i + 0.5f) * scale - 0.5f : (float) i * scale;
    }
}
