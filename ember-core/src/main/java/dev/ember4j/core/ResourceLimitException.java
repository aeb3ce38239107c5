/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

/**
 * A model asks for more than a configured limit (arena, scratch bytes, operators, tensors or
 * multiply-accumulates per inference): a valid model, refused at load so that no inference can exhaust
 * memory or time. The message names the limit, the model's value and how to raise it.
 */
public class ResourceLimitException extends EmberException {
    private final String limit;
    private final long required;
    private final long allowed;

    public ResourceLimitException(String limit, long required, long allowed, String message) {
        super(message);
        this.limit = limit;
        this.required = required;
        this.allowed = allowed;
    }

    /** The limit's name, e.g. "maxArenaBytes". */
    public String limit() {
        return limit;
    }

    /** What the model needs. */
    public long required() {
        return required;
    }

    /** What the limit allows. */
    public long allowed() {
        return allowed;
    }
}
