/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

/**
 * The reference backend ("ref"): every operator runs its reference kernel, plain scalar Java reproducing
 * TensorFlow Lite's reference kernels bit for bit. It is the oracle other backends are compared with.
 * One instance may serve many threads.
 */
public class ReferenceBackend implements KernelBackend {
    public ReferenceBackend() {}

    @Override
    public String name() {
        return "ref";
    }
}
