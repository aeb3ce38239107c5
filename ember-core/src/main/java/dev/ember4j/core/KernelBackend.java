/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

import dev.ember4j.core.ops.AddParams;
import dev.ember4j.core.ops.BackendMethod;
import dev.ember4j.core.ops.Conv2DParams;
import dev.ember4j.core.ops.DepthwiseConv2DParams;
import dev.ember4j.core.ops.FullyConnectedParams;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.PoolParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.ops.SoftmaxParams;

/**
 * Computes operators. Every method reads its inputs at {@code (array, offset)}, writes its output at
 * {@code (array, offset)} and may use {@code scratch} (at least {@link #scratchBytes} long, starting
 * at index 0) as working memory. Inputs and outputs never overlap. Implementations must produce
 * exactly the bytes of the reference backend, must not allocate, and must be safe to call from
 * several threads with distinct output and scratch buffers.
 */
public interface KernelBackend {

    /** Short name used on the command line and in logs, e.g. "ref". */
    String name();

    /**
     * One line for people: the name plus what actually runs, e.g. the vector width, or that this
     * backend fell back to the reference kernels and why. {@link #name()} by default.
     */
    default String description() {
        return name();
    }

    /** Scratch bytes this backend needs for the operator; 0 by default. */
    default int scratchBytes(OperatorParams params) {
        return 0;
    }

    /**
     * Scratch bytes the operator needs when it runs on {@code backend}: the backend's own need and the
     * reference kernel's ({@link OperatorParams#scratchBytes}), which runs where the backend does not
     * override it.
     */
    static int scratchNeeded(KernelBackend backend, OperatorParams params) {
        return Math.max(backend.scratchBytes(params), params.scratchBytes());
    }

    /**
     * Called once for every operator of a model when an Interpreter or a generated model is created,
     * on the creating thread, before the first run: a backend that packs weights or keeps per-thread
     * working arrays does that here, so that no run allocates. The sizes come from the prepared (and
     * limit-checked) parameters only. Runs must also work without this call; a thread that runs an
     * operator it did not prepare sizes its own working arrays on its first run. Nothing by default.
     */
    default void prepare(OperatorParams params) {}

    /**
     * How many rows (batches × output height; output elements for an element-wise ADD, output channels for
     * a one-batch FULLY_CONNECTED) {@link #runRows}
     * can split this operator into, for multi-threaded runs; 0 (the default) when this backend runs it
     * only whole.
     */
    default int splittableRows(OperatorParams params) {
        return 0;
    }

    /**
     * Runs output rows [{@code rowFrom}, {@code rowTo}) of an operator whose {@link #splittableRows} is
     * positive. Parts with disjoint ranges may run at the same time on distinct threads with distinct
     * scratch arrays; together they write exactly the bytes one whole run writes. Allocates nothing on a
     * thread the operator was {@linkplain #prepare prepared} on.
     */
    default void runRows(OperatorParams params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch,
                         int rowFrom, int rowTo) {
        throw new UnsupportedOperationException(name() + " does not split " + params.getClass().getSimpleName());
    }

    void conv2d(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset, byte[] scratch);

    void depthwiseConv2d(DepthwiseConv2DParams p, byte[] input, int inputOffset,
                         byte[] output, int outputOffset, byte[] scratch);

    void fullyConnected(FullyConnectedParams p, byte[] input, int inputOffset,
                        byte[] output, int outputOffset, byte[] scratch);

    void averagePool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset, byte[] scratch);

    void maxPool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset, byte[] scratch);

    void softmax(SoftmaxParams p, byte[] input, int inputOffset, byte[] output, int outputOffset, byte[] scratch);

    void add(AddParams p, byte[] input1, int input1Offset, byte[] input2, int input2Offset,
             byte[] output, int outputOffset, byte[] scratch);

    /**
     * Runs one operator; the Interpreter and generated code call only this. A classic operator's kernel
     * is a {@link BackendMethod}, which calls the method above of this backend; any other operator runs
     * its reference kernel, unless a backend that accelerates it overrides this method, handles the
     * parameter records it knows and passes the rest to {@code KernelBackend.super.run}.
     */
    default <P extends OperatorParams> void run(OpKernel<P> reference, P params, Slot[] in, Slot[] out,
                                                byte[] arena, byte[] scratch) {
        if (reference instanceof BackendMethod<P> method) {
            method.call(this, params, in, out, arena, scratch); // a classic operator: this backend's own method
            return;
        }
        reference.run(params, in, out, arena, scratch);
    }
}
