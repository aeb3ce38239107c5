/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

/** One operator bound to its kernel and its arena locations; runs without allocating. */
@FunctionalInterface
interface Step {
    void run(byte[] scratch);
}
