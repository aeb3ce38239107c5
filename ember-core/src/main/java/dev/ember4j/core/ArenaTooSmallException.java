/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

/** The caller's arena cannot hold the memory plan; {@link #requiredBytes()} is the exact size needed. */
public class ArenaTooSmallException extends EmberException {
    private final int requiredBytes;
    private final int providedBytes;

    public ArenaTooSmallException(int requiredBytes, int providedBytes) {
        super("arena too small: the model needs " + requiredBytes + " bytes, the arena has " + providedBytes);
        this.requiredBytes = requiredBytes;
        this.providedBytes = providedBytes;
    }

    public int requiredBytes() {
        return requiredBytes;
    }

    public int providedBytes() {
        return providedBytes;
    }
}
