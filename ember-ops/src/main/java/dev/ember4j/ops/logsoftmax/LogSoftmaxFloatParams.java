/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.logsoftmax;

import dev.ember4j.core.ops.OperatorParams;

/** float32 LOG_SOFTMAX over the last dimension: {@code outer} rows of {@code depth} values. */
public record LogSoftmaxFloatParams(int outer, int depth) implements OperatorParams {

    @Override
    public long macs() {
        return 3L * outer * depth;
    }
}
