/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

import java.util.Objects;

/**
 * The kernel chosen for one operator when a model is bound, and who chose it: the Interpreter and
 * generated code run {@link #kernel()}; {@code ember inspect} and {@code ember bench} print
 * {@link #describe()}.
 *
 * @param kernel  the kernel that runs the operator
 * @param backend the name of the backend whose kernel it is ("ref" for a reference kernel)
 * @param name    the kernel's name within that backend ("reference" for a reference kernel)
 */
public record BoundKernel<P extends OperatorParams>(OpKernel<P> kernel, String backend, String name) {
    public static final String REFERENCE = "reference";

    public BoundKernel {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(name, "name");
    }

    /** The operator's reference kernel, as run by the reference backend. */
    public static <P extends OperatorParams> BoundKernel<P> reference(OpKernel<P> kernel) {
        return new BoundKernel<>(kernel, "ref", REFERENCE);
    }

    /** True when this is the operator's reference kernel. */
    public boolean isReference() {
        return name.equals(REFERENCE);
    }

    /** The same choice with another kernel object (a wrapper that adds threads, say) and a suffix to its name. */
    public BoundKernel<P> wrap(OpKernel<P> wrapper, String suffix) {
        return new BoundKernel<>(wrapper, backend, name + suffix);
    }

    /** "simd/PixelConv", or "ref/reference". */
    public String describe() {
        return backend + "/" + name;
    }
}
