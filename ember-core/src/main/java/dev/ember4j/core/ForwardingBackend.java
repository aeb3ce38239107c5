/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.ops.KernelTable;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;

import java.util.List;
import java.util.Objects;

/**
 * A backend that passes every call to another one; wrappers (a service-loader entry choosing its
 * implementation) extend it and override what they change.
 */
public abstract class ForwardingBackend implements KernelBackend {
    private final KernelBackend delegate;

    protected ForwardingBackend(KernelBackend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "backend");
    }

    /** The backend calls go to. */
    public final KernelBackend delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public <P extends OperatorParams> BoundKernel<P> bind(P params, OpKernel<P> reference) {
        return delegate.bind(params, reference);
    }

    @Override
    public List<KernelTable.Entry<?>> kernels() {
        return delegate.kernels();
    }
}
