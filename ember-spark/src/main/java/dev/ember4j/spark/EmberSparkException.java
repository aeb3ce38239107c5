/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

/**
 * A model cannot be used: unreadable, malformed, unsupported, or stateful where a stateless function
 * was asked for. Thrown on the driver when the query or transformer is created (model given as a literal
 * or as bytes), and on the executors for a model given as a column. The message carries Ember's own
 * (the cause is Ember's exception, e.g. {@link dev.ember4j.core.UnsupportedOperatorException}).
 */
public final class EmberSparkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmberSparkException(String message) {
        super(message);
    }

    public EmberSparkException(String message, Throwable cause) {
        super(message, cause);
    }
}
