/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

/**
 * The model uses an operator, an operator version or a parameter combination this engine (or the
 * caller's op resolver) does not run.
 */
public class UnsupportedOperatorException extends EmberException {
    public UnsupportedOperatorException(String message) {
        super(message);
    }
}
