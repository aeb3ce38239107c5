/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.KernelBackend;

/** One operator bound to its arena locations; runs without allocating. */
@FunctionalInterface
interface Step {
    void run(KernelBackend backend, byte[] scratch);
}
