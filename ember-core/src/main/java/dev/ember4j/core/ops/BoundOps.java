/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

import dev.ember4j.core.KernelBackend;

import java.util.Objects;

/**
 * A model's operators bound to one backend, once: the kernel chosen for each ({@link KernelBackend#bind}),
 * prepared on the binding thread, and the scratch the largest of them needs. The Interpreter and
 * generated classes both bind through this, so both front doors run the same kernels.
 */
public final class BoundOps {
    private final OperatorParams[] params;
    private final BoundKernel<?>[] kernels;
    private final int scratchBytes;

    private BoundOps(OperatorParams[] params, BoundKernel<?>[] kernels, int scratchBytes) {
        this.params = params;
        this.kernels = kernels;
        this.scratchBytes = scratchBytes;
    }

    /**
     * Binds operator {@code i} (parameters {@code params[i]}, reference kernel {@code references[i]}) for
     * every i, and prepares each chosen kernel on the calling thread. A null record (an operator that
     * only relabels bytes, such as RESHAPE) binds to nothing.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static BoundOps bind(KernelBackend backend, OperatorParams[] params, OpKernel<?>[] references) {
        Objects.requireNonNull(backend, "backend");
        if (params.length != references.length) {
            throw new IllegalArgumentException(params.length + " parameter records but " + references.length + " kernels");
        }
        BoundKernel<?>[] kernels = new BoundKernel<?>[params.length];
        int scratch = 0;
        for (int i = 0; i < params.length; i++) {
            OperatorParams p = params[i];
            if (p == null) {
                continue;
            }
            BoundKernel b = backend.bind(p, (OpKernel) references[i]);
            kernels[i] = b;
            b.kernel().prepare(p);
            scratch = Math.max(scratch, b.kernel().scratchBytes(p));
        }
        return new BoundOps(params.clone(), kernels, scratch);
    }

    /**
     * Prepares every kernel on the calling thread (binding prepared them on the binding thread): a thread
     * that will run the model calls this once, so that its runs allocate nothing.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void prepare() {
        for (int i = 0; i < kernels.length; i++) {
            if (kernels[i] != null) {
                ((OpKernel) kernels[i].kernel()).prepare(params[i]);
            }
        }
    }

    /** The kernel that runs operator {@code i} (null for an operator bound to nothing). */
    @SuppressWarnings("rawtypes")
    public OpKernel kernel(int i) {
        return kernels[i] == null ? null : kernels[i].kernel();
    }

    /** The choice made for operator {@code i} (null for an operator bound to nothing). */
    public BoundKernel<?> choice(int i) {
        return kernels[i];
    }

    public int size() {
        return kernels.length;
    }

    /** Scratch bytes the bound kernels need: the most any of them asks for. */
    public int scratchBytes() {
        return scratchBytes;
    }
}
