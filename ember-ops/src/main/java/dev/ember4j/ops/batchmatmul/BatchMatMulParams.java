/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchmatmul;

import dev.ember4j.core.ops.OperatorParams;

/**
 * int8 BATCH_MATMUL, {@code out[b, i, j] = sum_k (lhs[b, i, k] + lhsOffset) * (rhs[b, k, j] + rhsOffset)}
 * requantized by {@code multiplier * 2^(shift-31)}. The three batch dimensions {@code batch} (rank
 * extended to 5) step through the operands by {@code lhsBatchStrides} / {@code rhsBatchStrides}
 * (0 where an operand is broadcast). Within a batch, element (i, k) of the LHS sits at
 * {@code i * lhsRowStride + k * lhsDepthStride}, element (k, j) of the RHS at
 * {@code k * rhsDepthStride + j * rhsColStride}: adj_x / adj_y only swap these strides.
 */
public record BatchMatMulParams(int[] batch, int[] lhsBatchStrides, int[] rhsBatchStrides, int rows, int cols,
                                int depth, int lhsRowStride, int lhsDepthStride, int rhsDepthStride,
                                int rhsColStride, int lhsOffset, int rhsOffset, int outputOffset, int multiplier,
                                int shift) implements OperatorParams {

    @Override
    public long macs() {
        return (long) batch[0] * batch[1] * batch[2] * rows * cols * depth;
    }
}
