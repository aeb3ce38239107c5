/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import java.util.Objects;

/**
 * Bounds and row geometry shared by the reference kernels of the image operators (convolutions,
 * pools): the checks a kernel makes before trusting its slots, and which input rows an output row reads.
 */
public final class ImageRows {
    private ImageRows() {}

    /** The tensors fit their arrays and [from, to) lies within [0, rows). */
    public static void check(byte[] input, int inputOffset, int inputSize, byte[] output, int outputOffset,
                             int outputSize, int from, int to, int rows) {
        Objects.checkFromIndexSize(inputOffset, inputSize, input.length);
        Objects.checkFromIndexSize(outputOffset, outputSize, output.length);
        Objects.checkFromToIndex(from, to, rows);
    }

    /**
     * The first input row (batch-major) that output row {@code outputRow} of a window operator reads:
     * padding rows excluded.
     */
    public static int inputFrom(int outputRow, int outputHeight, int inputHeight, int stride, int padTop) {
        int batch = outputRow / outputHeight;
        int origin = (outputRow % outputHeight) * stride - padTop;
        return batch * inputHeight + Math.min(inputHeight, Math.max(0, origin));
    }

    /** One past the last input row output row {@code outputRow} reads (a window of {@code extent} rows). */
    public static int inputTo(int outputRow, int outputHeight, int inputHeight, int stride, int padTop, int extent) {
        int batch = outputRow / outputHeight;
        int origin = (outputRow % outputHeight) * stride - padTop;
        return batch * inputHeight + Math.max(0, Math.min(inputHeight, origin + extent));
    }
}
