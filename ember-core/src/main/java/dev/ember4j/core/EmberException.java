/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

/** Base of every exception Ember4j throws on purpose; messages name the offending item. */
public class EmberException extends RuntimeException {
    public EmberException(String message) {
        super(message);
    }

    public EmberException(String message, Throwable cause) {
        super(message, cause);
    }
}
