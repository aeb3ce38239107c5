/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reduce;

import dev.ember4j.core.ops.OperatorParams;

/**
 * REDUCE_MAX ({@code max} true) or REDUCE_MIN of int8 values whose input and output share scale and
 * zero point, so no arithmetic: the input right-aligned in six dimensions ({@code shape}) folds into
 * output element {@code sum(index[d] * outStrides[d])}.
 */
public record ExtremeParams(int[] shape, int[] outStrides, int outputCount, boolean max) implements OperatorParams {
}
