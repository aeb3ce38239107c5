/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.fb;

import dev.ember4j.core.ModelFormatException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked little-endian view of a flatbuffer. Every read checks its position against the
 * buffer, so a malformed file ends in a {@link ModelFormatException} naming what was being read.
 */
public final class FlatBuffer {
    private final ByteBuffer buf;
    private final int limit;
    /** Bytes copied out of the file so far; see {@link #charge}. */
    private long copied;

    public FlatBuffer(ByteBuffer source) {
        this.buf = source.slice().order(ByteOrder.LITTLE_ENDIAN);
        this.limit = buf.limit();
    }

    public int size() {
        return limit;
    }

    /** The root table: the uoffset at byte 0. */
    public Table root() {
        if (limit < 8) {
            throw new ModelFormatException("file too short to be a TensorFlow Lite model: " + limit + " bytes");
        }
        return new Table(this, deref(0, "root table"), "model");
    }

    /** File identifier at bytes 4..8 ("TFL3" for TensorFlow Lite), or null if not printable. */
    public String identifier() {
        if (limit < 8) {
            return null;
        }
        byte[] id = new byte[4];
        for (int i = 0; i < 4; i++) {
            id[i] = buf.get(4 + i);
        }
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    void check(int pos, int bytes, String what) {
        if (pos < 0 || bytes < 0 || (long) pos + bytes > limit) {
            throw new ModelFormatException(what + ": offset " + Integer.toUnsignedString(pos) + " (+" + bytes
                    + " bytes) is outside the " + limit + "-byte file");
        }
    }

    int u8(int pos, String what) {
        check(pos, 1, what);
        return buf.get(pos) & 0xFF;
    }

    int u16(int pos, String what) {
        check(pos, 2, what);
        return buf.getShort(pos) & 0xFFFF;
    }

    int i32(int pos, String what) {
        check(pos, 4, what);
        return buf.getInt(pos);
    }

    long i64(int pos, String what) {
        check(pos, 8, what);
        return buf.getLong(pos);
    }

    float f32(int pos, String what) {
        check(pos, 4, what);
        return buf.getFloat(pos);
    }

    /** Follows the unsigned 32-bit offset stored at pos; the target must lie inside the file. */
    int deref(int pos, String what) {
        long target = pos + (i32(pos, what) & 0xFFFFFFFFL);
        if (target >= limit) {
            throw new ModelFormatException(what + ": offset points to " + target + ", past the end of the "
                    + limit + "-byte file");
        }
        return (int) target;
    }

    /** Copies {@code length} bytes at pos. */
    public byte[] copy(int pos, int length, String what) {
        return bytes(pos, length, what);
    }

    /**
     * Accounts for {@code bytes} about to be copied out of the file. A well-formed model is copied
     * about once; many references to the same data could turn a small hostile file into gigabytes of
     * copies, so copying more than twice the file (plus 1 MiB) is refused.
     */
    void charge(long bytes, String what) {
        copied += bytes;
        long budget = 2L * limit + (1 << 20);
        if (copied > budget) {
            throw new ModelFormatException(what + ": reading the model would copy more than " + budget
                    + " bytes out of the " + limit + "-byte file (the same data is referenced over and over)");
        }
    }

    byte[] bytes(int pos, int length, String what) {
        check(pos, length, what);
        charge(length, what);
        byte[] out = new byte[length];
        buf.get(pos, out);
        return out;
    }

    String utf8(int pos, int length, String what) {
        return new String(bytes(pos, length, what), StandardCharsets.UTF_8);
    }
}
