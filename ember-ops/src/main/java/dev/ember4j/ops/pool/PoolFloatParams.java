/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.OperatorParams;

/** AVERAGE_POOL_2D and MAX_POOL_2D on float32 [N,H,W,C] tensors, with the fused activation's float range. */
public record PoolFloatParams(int batches, int inHeight, int inWidth, int depth, int outHeight, int outWidth,
                              int filterHeight, int filterWidth, int strideHeight, int strideWidth, int padTop,
                              int padLeft, float activationMin, float activationMax) implements OperatorParams {
}
