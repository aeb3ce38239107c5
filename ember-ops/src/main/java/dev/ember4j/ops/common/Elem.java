/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.TensorType;

/**
 * Integer element types of quantized tensors as one code, so that a kernel can read and write int8,
 * uint8 and int16 through one loop: {@link #get} widens to int, {@link #put} stores the low bits.
 */
public final class Elem {
    private Elem() {}

    public static final int INT8 = 0;
    public static final int UINT8 = 1;
    public static final int INT16 = 2;
    public static final int INT32 = 3;

    /** The code of a quantized integer type. */
    public static int of(TensorType t) {
        return switch (t) {
            case INT8 -> INT8;
            case UINT8 -> UINT8;
            case INT16 -> INT16;
            case INT32 -> INT32;
            default -> throw new IllegalArgumentException("not a quantized integer type: " + t);
        };
    }

    public static int bytes(int elem) {
        return elem == INT16 ? 2 : elem == INT32 ? 4 : 1;
    }

    public static int min(int elem) {
        return elem == INT8 ? -128 : elem == UINT8 ? 0 : elem == INT16 ? -32768 : Integer.MIN_VALUE;
    }

    public static int max(int elem) {
        return elem == INT8 ? 127 : elem == UINT8 ? 255 : elem == INT16 ? 32767 : Integer.MAX_VALUE;
    }

    /** Element {@code i} (an element index, not a byte index) of an array starting at {@code start}. */
    public static int get(int elem, byte[] a, int start, int i) {
        return switch (elem) {
            case INT8 -> a[start + i];
            case UINT8 -> a[start + i] & 0xff;
            case INT16 -> Le.i16(a, start + 2 * i);
            default -> Le.i32(a, start + 4 * i);
        };
    }

    public static void put(int elem, byte[] a, int start, int i, int v) {
        switch (elem) {
            case INT8, UINT8 -> a[start + i] = (byte) v;
            case INT16 -> Le.i16(a, start + 2 * i, (short) v);
            default -> Le.i32(a, start + 4 * i, v);
        }
    }
}
