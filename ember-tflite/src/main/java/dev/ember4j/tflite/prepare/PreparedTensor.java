/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.TensorType;

import java.util.Arrays;

/**
 * A tensor after preparation: its metadata and either constant data or a place in the arena
 * ({@code arenaOffset}, filled in by the memory planner; -1 for constants and unused tensors).
 *
 * @param scale     quantization scale (0 when unquantized)
 * @param constant  constant data, or null for tensors that live in the arena
 * @param initial   for a variable tensor (persistent state kept across invocations, placed after the
 *                  planned part of the arena and never reused), the bytes it holds after creation and after
 *                  every reset; null for every other tensor
 */
public record PreparedTensor(int index, String name, TensorType type, int[] shape, float scale, int zeroPoint,
                             byte[] constant, int arenaOffset, byte[] initial) {

    /** A tensor that is not a variable. */
    public PreparedTensor(int index, String name, TensorType type, int[] shape, float scale, int zeroPoint,
                          byte[] constant, int arenaOffset) {
        this(index, name, type, shape, scale, zeroPoint, constant, arenaOffset, null);
    }

    /** True for a variable tensor: persistent state, see {@link #initial}. */
    public boolean isVariable() {
        return initial != null;
    }

    public int elementCount() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    public int byteSize() {
        return elementCount() * type.bytes();
    }

    public boolean isConstant() {
        return constant != null;
    }

    public PreparedTensor withArenaOffset(int offset) {
        return new PreparedTensor(index, name, type, shape, scale, zeroPoint, constant, offset, initial);
    }

    public String label() {
        return "tensor " + index + (name.isEmpty() ? "" : " '" + name + "'");
    }

    @Override
    public String toString() {
        return label() + " " + type + Arrays.toString(shape);
    }
}
