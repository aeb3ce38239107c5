/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.argmax;

import dev.ember4j.core.ops.OperatorParams;

/**
 * ARG_MAX / ARG_MIN over the middle axis of an {@code [outer, axis, inner]} view: {@code elemType} is
 * one of the {@code ArgMinMaxKernel} type codes, {@code max} selects the comparison, {@code out64} an
 * int64 output (else int32).
 */
public record ArgMinMaxParams(int elemType, int outer, int axis, int inner, boolean max, boolean out64)
        implements OperatorParams {
}
