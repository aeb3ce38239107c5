/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchmatmul;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.support.Le;
import dev.ember4j.ops.support.X86Float;

/**
 * Reference float32 BATCH_MATMUL (TFLite's reference_ops::BatchMatMul, which TFLite calls with the
 * operands swapped: each product is {@code rhs * lhs}). Per output a float sum from 0.0f over the depth
 * in order, products and sums rounded separately, each product the first operand of its addition as in
 * the other float matrix kernels ({@link X86Float}). The offsets and multiplier of the params are unused.
 */
public final class BatchMatMulFloatKernel {
    private BatchMatMulFloatKernel() {}

    public static void run(BatchMatMulParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int as = in[0].start();
        int bs = in[1].start();
        int o = out[0].start();
        int[] n = p.batch();
        int[] sa = p.lhsBatchStrides();
        int[] sb = p.rhsBatchStrides();
        for (int b0 = 0; b0 < n[0]; b0++) {
            for (int b1 = 0; b1 < n[1]; b1++) {
                for (int b2 = 0; b2 < n[2]; b2++) {
                    int la = as + 4 * (b0 * sa[0] + b1 * sa[1] + b2 * sa[2]);
                    int lb = bs + 4 * (b0 * sb[0] + b1 * sb[1] + b2 * sb[2]);
                    matmul(p, a, la, b, lb, y, o);
                    o += 4 * p.rows() * p.cols();
                }
            }
        }
    }

    private static void matmul(BatchMatMulParams p, byte[] a, int la, byte[] b, int lb, byte[] y, int o) {
        int depth = p.depth();
        for (int i = 0; i < p.rows(); i++) {
            int rowStart = la + 4 * i * p.lhsRowStride();
            for (int j = 0; j < p.cols(); j++) {
                int colStart = lb + 4 * j * p.rhsColStride();
                float total = 0f;
                for (int k = 0; k < depth; k++) {
                    float lhs = Le.f32(a, rowStart + 4 * k * p.lhsDepthStride());
                    float rhs = Le.f32(b, colStart + 4 * k * p.rhsDepthStride());
                    total = X86Float.add(X86Float.mul(rhs, lhs), total);
                }
                Le.f32(y, o + 4 * (i * p.cols() + j), total);
            }
        }
    }
}
