/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

/**
 * Operators that run once, on the first invocation after creation and after every reset: a CALL_ONCE's
 * initialization subgraph, inlined into the main graph at the CALL_ONCE's place. The runtime runs
 * {@code ops()[from, to)} only while the one-byte flag tensor holds 0, then sets it to 1. The flag is a
 * variable tensor (initial value 0), so resetting the variables makes the block run again.
 *
 * @param from       position in {@link PreparedModel#ops()} of the block's first operator
 * @param to         position after its last operator ({@code from < to})
 * @param flagTensor the flag's tensor index in the prepared model
 * @param subgraph   the initialization subgraph the block came from
 */
public record OnceBlock(int from, int to, int flagTensor, int subgraph) {

    public OnceBlock {
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("empty or negative once block [" + from + ", " + to + ")");
        }
    }

    public boolean contains(int op) {
        return op >= from && op < to;
    }
}
