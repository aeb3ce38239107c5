/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian element access in byte arrays (the arena and constant data hold every tensor type as
 * the model file does). Static final VarHandles: C2 compiles these to plain loads and stores.
 */
public final class Le {
    private Le() {}

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);

    public static short i16(byte[] a, int byteIndex) {
        return (short) SHORT.get(a, byteIndex);
    }

    public static void i16(byte[] a, int byteIndex, short v) {
        SHORT.set(a, byteIndex, v);
    }

    public static int i32(byte[] a, int byteIndex) {
        return (int) INT.get(a, byteIndex);
    }

    public static void i32(byte[] a, int byteIndex, int v) {
        INT.set(a, byteIndex, v);
    }

    public static long i64(byte[] a, int byteIndex) {
        return (long) LONG.get(a, byteIndex);
    }

    public static void i64(byte[] a, int byteIndex, long v) {
        LONG.set(a, byteIndex, v);
    }

    public static float f32(byte[] a, int byteIndex) {
        return (float) FLOAT.get(a, byteIndex);
    }

    public static void f32(byte[] a, int byteIndex, float v) {
        FLOAT.set(a, byteIndex, v);
    }
}
