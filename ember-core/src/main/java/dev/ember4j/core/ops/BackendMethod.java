/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

import dev.ember4j.core.KernelBackend;

/**
 * The kernel of a classic operator (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, the pools, SOFTMAX,
 * ADD): a method of {@link KernelBackend} rather than a fixed function, so that whichever backend runs
 * the model supplies it. {@link KernelBackend#run} calls it on itself; there is no backend-free
 * {@link #run}.
 */
public final class BackendMethod<P extends OperatorParams> implements OpKernel<P> {

    /** Calls the backend's method for the operator with the operator's tensors. */
    @FunctionalInterface
    public interface Call<P> {
        void call(KernelBackend backend, P params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch);
    }

    private final String name;
    private final Call<P> call;

    public BackendMethod(String name, Call<P> call) {
        this.name = name;
        this.call = call;
    }

    public void call(KernelBackend backend, P params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        call.call(backend, params, in, out, arena, scratch);
    }

    /** Always fails: a backend method needs the backend; go through {@link KernelBackend#run}. */
    @Override
    public void run(P params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        throw new IllegalStateException(name + " is a KernelBackend method: run it through KernelBackend.run");
    }

    @Override
    public String toString() {
        return "KernelBackend." + name;
    }
}
