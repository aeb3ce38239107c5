/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.floordiv;

import dev.ember4j.core.ops.OperatorParams;

/**
 * FLOOR_DIV of two tensors of one type ({@code type}: a {@link FloorDivKernel} code, int8, int16, int32
 * or float32). Rank-6 shapes with broadcast strides. {@code saturateBelow}: int8/int16 output elements
 * before this flat index convert saturating (TFLite's vectorized blocks of 8), later ones wrap; 0 when
 * the inputs broadcast or the type is int32/float32.
 */
public record FloorDivParams(int[] outputShape, int[] strides1, int[] strides2, int type, int saturateBelow)
        implements OperatorParams {
}
