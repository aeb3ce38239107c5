/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.embeddinglookup;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;

import java.util.Arrays;

/**
 * TFLite's EMBEDDING_LOOKUP: output row {@code i} is value row {@code lookup[i]}, copied (EvalSimple) or
 * dequantized as {@code (float) int8 * scale} in float (EvalHybrid, which reads uint8 values as int8
 * too). TFLite fails the inference on an index outside [0, rows); Ember4j writes a row of zero bytes
 * (0.0f for the hybrid form) there instead, so invoke never fails.
 */
public final class EmbeddingLookupKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<EmbeddingLookupParams> KERNEL = EmbeddingLookupKernel::run;

    private EmbeddingLookupKernel() {}

    public static void run(EmbeddingLookupParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] ids = in[0].array(arena);
        byte[] v = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int is = in[0].start();
        int vs = in[1].start();
        int ys = out[0].start();
        int rows = p.rows();
        int cols = p.columns();
        int[] scales = p.scaleBits();
        for (int i = 0; i < p.lookups(); i++) {
            int idx = Le.i32(ids, is + 4 * i);
            boolean valid = idx >= 0 && idx < rows;
            if (scales == null) {
                int n = p.rowBytes();
                int dst = ys + i * n;
                if (valid) {
                    System.arraycopy(v, vs + idx * n, y, dst, n);
                } else {
                    Arrays.fill(y, dst, dst + n, (byte) 0);
                }
            } else {
                int dst = ys + 4 * i * cols;
                if (!valid) {
                    Arrays.fill(y, dst, dst + 4 * cols, (byte) 0);
                    continue;
                }
                float scale = Float.intBitsToFloat(scales.length == 1 ? scales[0] : scales[idx]);
                int src = vs + idx * cols;
                for (int j = 0; j < cols; j++) {
                    Le.f32(y, dst + 4 * j, v[src + j] * scale);
                }
            }
        }
    }
}
