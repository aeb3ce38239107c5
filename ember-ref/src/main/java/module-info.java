/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The reference {@link dev.ember4j.core.KernelBackend} ("ref"): TFLite's reference kernels in plain Java,
 * the oracle every other backend is checked against.
 */
module dev.ember4j.ref {
    requires transitive dev.ember4j.core;

    exports dev.ember4j.ref;
}
