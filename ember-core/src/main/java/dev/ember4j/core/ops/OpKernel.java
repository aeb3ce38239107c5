/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

/**
 * The kernel of an operator that has no method of its own on {@link dev.ember4j.core.KernelBackend}:
 * reads the tensors in {@code in} and writes those in {@code out} (in the operator's input and output
 * order, as its prepare step chose them). Must allocate nothing and may use {@code scratch}.
 */
@FunctionalInterface
public interface OpKernel<P extends OperatorParams> {
    void run(P params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch);
}
