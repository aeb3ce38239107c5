/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.copy;

import java.util.Random;

/** Helpers of the byte-moving operator tests: shapes, multi-indices and element copies. */
public final class Boxes {
    private Boxes() {}

    public static final int[] WIDTHS = {1, 2, 4};

    public static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The multi-index of flat row-major index {@code flat}. */
    public static int[] unflatten(int flat, int[] shape) {
        int[] idx = new int[shape.length];
        for (int i = shape.length - 1; i >= 0; i--) {
            idx[i] = flat % shape[i];
            flat /= shape[i];
        }
        return idx;
    }

    public static int flatten(int[] idx, int[] shape) {
        int flat = 0;
        for (int i = 0; i < shape.length; i++) {
            flat = flat * shape[i] + idx[i];
        }
        return flat;
    }

    public static int[] randomShape(Random r, int rank, int maxDim) {
        int[] s = new int[rank];
        for (int i = 0; i < rank; i++) {
            s[i] = 1 + r.nextInt(maxDim);
        }
        return s;
    }

    public static void copyElement(byte[] src, int srcElem, byte[] dst, int dstElem, int w) {
        System.arraycopy(src, srcElem * w, dst, dstElem * w, w);
    }

    /** An arena holding {@code input} at {@code inOffset}; the rest random. */
    public static byte[] arena(Random r, int size, byte[] input, int inOffset) {
        byte[] a = new byte[size];
        r.nextBytes(a);
        System.arraycopy(input, 0, a, inOffset, input.length);
        return a;
    }
}
