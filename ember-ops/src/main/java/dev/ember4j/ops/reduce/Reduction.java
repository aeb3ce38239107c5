/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import java.util.Arrays;

/**
 * Geometry of a reduction (MEAN, SUM, REDUCE_MAX, REDUCE_MIN) computed once in prepare: the input
 * shape right-aligned into six dimensions, for each of them the stride of its index in the output (0
 * for reduced dimensions), the output shape TFLite's ResizeOutputTensor gives, and how many input
 * elements fold into each output element.
 *
 * <p>Axes may be negative (counted from the end) and repeated, as in TFLite; an axis outside
 * {@code [-rank, rank)} is an {@link IllegalArgumentException}.
 */
public record Reduction(int[] shape6, int[] outStrides6, int[] outputShape, int outputCount, int reducedCount) {

    public static final int MAX_RANK = 6;

    public static Reduction of(int[] inputShape, int[] axes, boolean keepDims) {
        int rank = inputShape.length;
        if (rank == 0 || rank > MAX_RANK) {
            throw new IllegalArgumentException("rank " + rank + " is outside 1.." + MAX_RANK);
        }
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            int r = a < 0 ? a + rank : a;
            if (r < 0 || r >= rank) {
                throw new IllegalArgumentException("axis " + a + " is out of range for rank " + rank);
            }
            reduced[r] = true;
        }
        int kept = 0;
        for (boolean b : reduced) {
            kept += b ? 0 : 1;
        }
        int[] outShape = new int[keepDims ? rank : kept];
        int j = 0;
        for (int d = 0; d < rank; d++) {
            if (keepDims) {
                outShape[d] = reduced[d] ? 1 : inputShape[d];
            } else if (!reduced[d]) {
                outShape[j++] = inputShape[d];
            }
        }
        int[] shape6 = new int[MAX_RANK];
        int[] strides6 = new int[MAX_RANK];
        Arrays.fill(shape6, 1);
        long stride = 1;
        long count = 1;
        for (int d = rank - 1; d >= 0; d--) {
            int k = MAX_RANK - rank + d;
            shape6[k] = inputShape[d];
            if (reduced[d]) {
                count *= inputShape[d];
            } else {
                strides6[k] = (int) stride;
                stride *= inputShape[d];
            }
            if (stride > Integer.MAX_VALUE || count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(inputShape) + " is too large");
            }
        }
        return new Reduction(shape6, strides6, outShape, (int) stride, (int) count);
    }
}
