/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

/**
 * Per-thread working arrays of the kernels (float rows, accumulators, depthwise row ring). Each
 * kernel sizes them in one {@code reserve} method that the backend's prepare and the kernel's run
 * both call, so they reach the largest operator prepared on the thread before the first run, and
 * runs allocate nothing (a thread that runs an operator prepared elsewhere sizes them on its first
 * run, from the same prepared sizes). Float arrays cannot live in the byte scratch the
 * engine provides without per-access conversion, which would cost more than the kernels.
 */
final class Work {
    private static final ThreadLocal<Work> LOCAL = ThreadLocal.withInitial(Work::new);

    private float[] rows = new float[0];
    private float[] facc = new float[0];
    private int[] iacc = new int[0];
    private int[] offsets = new int[0];
    private byte[] bytes = new byte[0];
    private float[] image = new float[0];
    private int[] ints = new int[0];
    private long[] longs = new long[0];

    static Work get() {
        return LOCAL.get();
    }

    /** The arrays as last sized. */
    float[] rows() {
        return rows;
    }

    float[] facc() {
        return facc;
    }

    int[] iacc() {
        return iacc;
    }

    int[] offsets() {
        return offsets;
    }

    float[] rows(int size) {
        if (rows.length < size) {
            rows = new float[size];
        }
        return rows;
    }

    float[] facc(int size) {
        if (facc.length < size) {
            facc = new float[size];
        }
        return facc;
    }

    int[] iacc(int size) {
        if (iacc.length < size) {
            iacc = new int[size];
        }
        return iacc;
    }

    float[] image() {
        return image;
    }

    float[] image(int size) {
        if (image.length < size) {
            image = new float[size];
        }
        return image;
    }

    byte[] bytes() {
        return bytes;
    }

    byte[] bytes(int size) {
        if (bytes.length < size) {
            bytes = new byte[size];
        }
        return bytes;
    }

    /** int16 rows widened to int (the 16x8 kernels' im2col rows and input vectors). */
    int[] ints() {
        return ints;
    }

    int[] ints(int size) {
        if (ints.length < size) {
            ints = new int[size];
        }
        return ints;
    }

    /** 64-bit accumulators of the 16x8 kernels, where a sum takes more than one int chunk. */
    long[] longs() {
        return longs;
    }

    long[] longs(int size) {
        if (longs.length < size) {
            longs = new long[size];
        }
        return longs;
    }

    int[] offsets(int size) {
        if (offsets.length < size) {
            offsets = new int[size];
        }
        return offsets;
    }
}
