/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

/**
 * A kernel capability: the operator's output splits into independent rows (output rows of a
 * convolution, channels of a one-batch FULLY_CONNECTED, elements of an element-wise ADD), so that
 * threads can run disjoint parts at the same time. {@link dev.ember4j.core.parallel.ParallelBackend}
 * reads it at bind time; nothing else needs to know the operator.
 */
public interface RowSplit<P extends OperatorParams> {

    /** How many rows {@link #runRows} splits this operator into; below 2, it runs whole. */
    int rows(P params);

    /**
     * Runs rows [{@code from}, {@code to}) of the operator. Parts with disjoint ranges may run at the
     * same time on distinct threads with distinct scratch arrays; together they write exactly the bytes
     * one whole run writes. Allocates nothing on a thread the operator was prepared on.
     */
    void runRows(P params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to);
}
