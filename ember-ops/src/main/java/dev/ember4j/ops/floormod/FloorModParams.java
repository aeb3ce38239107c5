/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floormod;

import dev.ember4j.core.ops.OperatorParams;

/**
 * FLOOR_MOD of two tensors of one type ({@code type}: a {@link FloorModKernel} code, int8, int16, int32,
 * int64 or float32). Rank-6 shapes with broadcast strides.
 */
public record FloorModParams(int[] outputShape, int[] strides1, int[] strides2, int type)
        implements OperatorParams {
}
