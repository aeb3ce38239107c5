/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

/**
 * A row's value cannot be scored: null, the wrong number of bytes or values, a null element. The
 * message names the function, the column, the row's length and what the model tensor expects. Under
 * {@link OnError#NULL} the row gives null instead.
 */
public final class EmberRowException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public EmberRowException(String message) {
        super(message);
    }
}
