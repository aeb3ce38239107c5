/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The "simd" backend: bit-exact kernels for the classic int8 operators on the Java Vector API
 * (jdk.incubator.vector). {@link dev.ember4j.simd.SimdBackendProvider} is its java.util.ServiceLoader
 * entry, {@link dev.ember4j.simd.SimdBackends#bestAvailable()} its factory, and {@link
 * dev.ember4j.simd.SimdSupport} decides whether the vector kernels are used on this JVM or the reference
 * kernels instead.
 */
package dev.ember4j.simd;
