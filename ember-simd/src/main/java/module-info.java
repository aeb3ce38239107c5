/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The "simd" {@link dev.ember4j.core.KernelBackend} on the Java Vector API, bit-exact with the reference
 * backend; it falls back to the reference kernels where the Vector API is not worth using (see
 * {@link dev.ember4j.simd.SimdSupport}).
 */
module dev.ember4j.simd {
    requires transitive dev.ember4j.core;
    requires dev.ember4j.ops;
    requires jdk.incubator.vector;
    // The JVM's flags (-Xint, UseAVX) decide whether the kernels can be used.
    requires java.management;

    exports dev.ember4j.simd;

    provides dev.ember4j.core.KernelBackend with dev.ember4j.simd.SimdBackendProvider;
}
