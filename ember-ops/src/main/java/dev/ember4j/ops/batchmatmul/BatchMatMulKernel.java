/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchmatmul;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;

/** Reference int8 BATCH_MATMUL (TFLite's reference_ops::BatchMatMul with int32 accumulators). */
public final class BatchMatMulKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<BatchMatMulParams> KERNEL = BatchMatMulKernel::run;

    private BatchMatMulKernel() {}

    public static void run(BatchMatMulParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        forEachBatch(p, in, out, arena, 1, BatchMatMulKernel::matmul);
    }

    /** One matrix product: lhs at {@code la} of {@code a}, rhs at {@code lb} of {@code b}, output at {@code o} of {@code y}. */
    interface MatMul {
        void run(BatchMatMulParams p, byte[] a, int la, byte[] b, int lb, byte[] y, int o);
    }

    /**
     * Runs {@code matmul} for every batch (broadcast by the batch strides), each output matrix after the
     * previous one; offsets advance by {@code elementBytes} per element.
     */
    static void forEachBatch(BatchMatMulParams p, Slot[] in, Slot[] out, byte[] arena, int elementBytes, MatMul matmul) {
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
                    int la = as + elementBytes * (b0 * sa[0] + b1 * sa[1] + b2 * sa[2]);
                    int lb = bs + elementBytes * (b0 * sb[0] + b1 * sb[1] + b2 * sb[2]);
                    matmul.run(p, a, la, b, lb, y, o);
                    o += elementBytes * p.rows() * p.cols();
                }
            }
        }
    }

    private static void matmul(BatchMatMulParams p, byte[] a, int la, byte[] b, int lb, byte[] y, int o) {
        int depth = p.depth();
        for (int i = 0; i < p.rows(); i++) {
            int rowStart = la + i * p.lhsRowStride();
            for (int j = 0; j < p.cols(); j++) {
                int colStart = lb + j * p.rhsColStride();
                int total = 0;
                for (int k = 0; k < depth; k++) {
                    total += (a[rowStart + k * p.lhsDepthStride()] + p.lhsOffset())
                            * (b[colStart + k * p.rhsDepthStride()] + p.rhsOffset());
                }
                int r = FixedPoint.multiplyByQuantizedMultiplier(total, p.multiplier(), p.shift()) + p.outputOffset();
                y[o + i * p.cols() + j] = (byte) Math.max(-128, Math.min(127, r));
            }
        }
    }
}
