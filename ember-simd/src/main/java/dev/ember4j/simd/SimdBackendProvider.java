/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ForwardingBackend;


/**
 * The {@link java.util.ServiceLoader} entry for the SIMD backend (registered in
 * {@code META-INF/services/dev.ember4j.core.KernelBackend}). It always constructs, even without
 * {@code --add-modules jdk.incubator.vector}: it reports the name "simd" and delegates to
 * {@link SimdBackends#bestAvailable()}, i.e. to {@link SimdBackend} when supported and to the
 * reference kernels otherwise (with one log line giving the reason). {@link #accelerated()} tells
 * which one it got. Code that wants the concrete class should call {@code bestAvailable()} directly.
 */
public final class SimdBackendProvider extends ForwardingBackend {

    public SimdBackendProvider() {
        super(SimdBackends.bestAvailable());
    }

    /** True when the Vector API kernels are in use, false when this delegates to the reference. */
    public boolean accelerated() {
        return !delegate().name().equals("ref");
    }

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public String description() {
        return accelerated() ? delegate().description()
                : "simd, falling back to the reference kernels: " + SimdSupport.unsupportedReason();
    }
}
