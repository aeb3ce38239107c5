/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizenearestneighbor;

import dev.ember4j.core.ops.OperatorParams;

/**
 * RESIZE_NEAREST_NEIGHBOR as a gather: output row {@code y} copies input row {@code rowIndex[y]},
 * output column {@code x} input column {@code columnIndex[x]}, each pixel {@code pixelBytes} bytes
 * (depth times the element width).
 */
public record ResizeNearestNeighborParams(int batches, int inHeight, int inWidth, int pixelBytes,
                                          int[] rowIndex, int[] columnIndex) implements OperatorParams {
}
