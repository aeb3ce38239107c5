/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchmatmul;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.X86Float;

/**
 * Reference float32 BATCH_MATMUL (TFLite's reference_ops::BatchMatMul, which TFLite calls with the
 * operands swapped: each product is {@code rhs * lhs}). Per output a float sum from 0.0f over the depth
 * in order, products and sums rounded separately, each product the first operand of its addition as in
 * the other float matrix kernels ({@link X86Float}). The offsets and multiplier of the params are unused.
 */
public final class BatchMatMulFloatKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<BatchMatMulParams> KERNEL = BatchMatMulFloatKernel::run;

    private BatchMatMulFloatKernel() {}

    public static void run(BatchMatMulParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        BatchMatMulKernel.forEachBatch(p, in, out, arena, 4, BatchMatMulFloatKernel::matmul);
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
