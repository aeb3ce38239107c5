/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

/**
 * The kernel of one operator: reads the tensors in {@code in} and writes those in {@code out} (in the
 * operator's input and output order, as its prepare step chose them). Must allocate nothing once
 * {@linkplain #prepare prepared} and may use {@code scratch}. Each operator package holds its reference
 * kernels as {@code public static final} fields of its kernel classes; a backend may replace any of
 * them for the operators it accelerates ({@link KernelTable}), chosen once when a model is bound.
 *
 * <p>Kernels may also offer capabilities the executor reads: {@link RowSplit} (threads split its
 * output rows) and {@link RowRange} (streaming execution by row bands).
 */
@FunctionalInterface
public interface OpKernel<P extends OperatorParams> {
    void run(P params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch);

    /** Scratch bytes this kernel needs for {@code params} (planned with the arena): the record's own count by default. */
    default int scratchBytes(P params) {
        return params.scratchBytes();
    }

    /**
     * Called once per operator when a model is bound, on the binding thread, before the first run: a
     * kernel that packs weights or keeps per-thread working arrays does that here, so that no run
     * allocates. Runs must also work without it: a thread that runs an operator it did not prepare
     * sizes its own working arrays on its first run. Nothing by default.
     */
    default void prepare(P params) {}
}
