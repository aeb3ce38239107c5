/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.l2pool2d;

import dev.ember4j.core.ops.OperatorParams;

/**
 * L2_POOL_2D of a float32 [batch, inH, inW, depth] input into [batch, outH, outW, depth]: window, strides,
 * leading padding, and the fused activation's float clamp range.
 */
public record L2Pool2DParams(int batch, int inH, int inW, int depth, int outH, int outW, int filterH, int filterW,
                             int strideH, int strideW, int padTop, int padLeft, float actMin, float actMax)
        implements OperatorParams {
}
