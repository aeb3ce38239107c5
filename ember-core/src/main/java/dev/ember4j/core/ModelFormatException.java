/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

/**
 * The model file is malformed or inconsistent: a bad offset, an index out of range, a tensor whose
 * shape does not fit its operator. The message says what and where.
 */
public class ModelFormatException extends EmberException {
    public ModelFormatException(String message) {
        super(message);
    }
}
