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

/**
 * A set of kernels that replace operators' reference kernels where it has faster ones. Every operator
 * carries its reference kernel (the oracle, in its package of ember-ops); when a model is bound (an
 * Interpreter built, a generated class created), {@link #bind} chooses once per operator which kernel
 * runs it, and runs only call that kernel. A backend's kernels must produce exactly the reference
 * kernels' bytes, must not allocate once prepared, and must be safe to call from several threads with
 * distinct output and scratch buffers. The reference backend ("ref") replaces nothing.
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

    /**
     * The kernel that runs this operator on this backend: one of the backend's own (usually through its
     * {@link KernelTable}) or {@code reference}. Called once per operator when a model is bound, never
     * per run. The reference kernel by default.
     */
    default <P extends OperatorParams> BoundKernel<P> bind(P params, OpKernel<P> reference) {
        return BoundKernel.reference(reference);
    }

    /** The kernels this backend offers in place of reference kernels (for listings); none by default. */
    default List<KernelTable.Entry<?>> kernels() {
        return List.of();
    }
}
