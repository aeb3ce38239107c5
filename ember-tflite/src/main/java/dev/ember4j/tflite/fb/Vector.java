/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.fb;

import dev.ember4j.core.ModelFormatException;

/** A flatbuffer vector whose whole extent was checked against the file when it was opened. */
public final class Vector {
    private final FlatBuffer fb;
    private final int start;
    private final int length;
    private final int elementBytes;
    private final String what;

    Vector(FlatBuffer fb, int pos, int elementBytes, String what) {
        this.fb = fb;
        this.what = what;
        this.elementBytes = elementBytes;
        long len = fb.i32(pos, what + " length") & 0xFFFFFFFFL;
        long end = pos + 4L + len * elementBytes;
        if (end > fb.size()) {
            throw new ModelFormatException(what + ": vector of " + len + " elements (" + len * elementBytes
                    + " bytes) at offset " + pos + " runs past the end of the " + fb.size() + "-byte file");
        }
        this.start = pos + 4;
        this.length = (int) len;
    }

    public int length() {
        return length;
    }

    private int at(int i) {
        if (i < 0 || i >= length) {
            throw new IndexOutOfBoundsException(what + "[" + i + "] of " + length);
        }
        return start + i * elementBytes;
    }

    public int i32(int i) {
        return fb.i32(at(i), what);
    }

    public long i64(int i) {
        return fb.i64(at(i), what);
    }

    public float f32(int i) {
        return fb.f32(at(i), what);
    }

    public int u8(int i) {
        return fb.u8(at(i), what);
    }

    public Table table(int i) {
        int p = at(i);
        return new Table(fb, fb.deref(p, what + "[" + i + "]"), what + "[" + i + "]");
    }

    public int[] ints() {
        fb.charge((long) length * elementBytes, what);
        int[] out = new int[length];
        for (int i = 0; i < length; i++) {
            out[i] = i32(i);
        }
        return out;
    }

    public float[] floats() {
        fb.charge((long) length * elementBytes, what);
        float[] out = new float[length];
        for (int i = 0; i < length; i++) {
            out[i] = f32(i);
        }
        return out;
    }

    public long[] longs() {
        fb.charge((long) length * elementBytes, what);
        long[] out = new long[length];
        for (int i = 0; i < length; i++) {
            out[i] = i64(i);
        }
        return out;
    }

    public byte[] bytes() {
        return fb.bytes(start, length * elementBytes, what);
    }

    String utf8(int maxBytes) {
        return fb.utf8(start, Math.min(length, maxBytes), what);
    }

    /** Absolute file position of the first element (for zero-copy views). */
    public int start() {
        return start;
    }

}
