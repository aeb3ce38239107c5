/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.core.ReferenceBackend;

/** A test-only ServiceLoader provider (src/test/resources/META-INF/services): the reference kernels under another name. */
public class RenamedReferenceBackend extends ReferenceBackend {
    @Override
    public String name() {
        return "ref-copy";
    }
}
