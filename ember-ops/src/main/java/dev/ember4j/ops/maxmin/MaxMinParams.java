/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.maxmin;

import dev.ember4j.core.ops.OperatorParams;

/**
 * MAXIMUM (max true) or MINIMUM of two tensors of one type, compared as stored (TFLite ignores the
 * quantization). {@code type} is a {@link MaxMinKernel} type code. Rank-6 shapes with broadcast strides.
 */
public record MaxMinParams(int[] outputShape, int[] strides1, int[] strides2, int type, boolean max)
        implements OperatorParams {
}
