/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

/**
 * Where a kernel finds one tensor's bytes: in {@code constant} when the model holds the data, else at
 * {@code offset} in the arena. Bound once per operator; tensors of every type are stored
 * little-endian, as in the model file.
 */
public record Slot(byte[] constant, int offset) {

    /** The array holding the tensor: its constant data or the arena. */
    public byte[] array(byte[] arena) {
        return constant != null ? constant : arena;
    }

    /** The tensor's first byte in {@link #array}. */
    public int start() {
        return constant != null ? 0 : offset;
    }

    public static Slot arena(int offset) {
        return new Slot(null, offset);
    }

    public static Slot constant(byte[] data) {
        return new Slot(data, 0);
    }
}
