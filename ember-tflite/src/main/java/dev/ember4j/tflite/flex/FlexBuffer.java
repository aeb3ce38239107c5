/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.flex;

import dev.ember4j.core.ModelFormatException;

/**
 * Bounds-checked, read-only view of a FlexBuffer (the schemaless format of TFLite's custom operator
 * options, flexbuffers.h). Every read checks its position against the buffer and every offset, size and
 * width is validated, so malformed or hostile bytes end in a {@link ModelFormatException} naming what was
 * read. Reading allocates nothing beyond the {@link FlexValue} handles (map keys are compared in place).
 */
public final class FlexBuffer {
    private final byte[] data;
    private final String what;

    private FlexBuffer(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    /**
     * The root value: the last byte is the root's byte width, the one before its packed type, and the
     * root's slot precedes them.
     *
     * @param what names the buffer in messages, e.g. "operator 3 (CUSTOM(Foo)) custom options"
     */
    public static FlexValue root(byte[] data, String what) {
        FlexBuffer b = new FlexBuffer(data, what);
        if (data.length < 3) {
            throw b.error("root", data.length + " bytes are too few for a FlexBuffer (at least 3)");
        }
        int width = data[data.length - 1] & 0xFF;
        checkWidth(b, width, "root");
        int packed = data[data.length - 2] & 0xFF;
        int slot = data.length - 2 - width;
        if (slot < 0) {
            throw b.error("root", "root width " + width + " does not fit in " + data.length + " bytes");
        }
        return new FlexValue(b, slot, width, packed, "root");
    }

    static void checkWidth(FlexBuffer b, int width, String path) {
        if (width != 1 && width != 2 && width != 4 && width != 8) {
            throw b.error(path, "byte width " + width + " is not 1, 2, 4 or 8");
        }
    }

    int length() {
        return data.length;
    }

    ModelFormatException error(String path, String message) {
        return new ModelFormatException(what + " (FlexBuffer " + path + "): " + message);
    }

    void check(int pos, long bytes, String path) {
        if (pos < 0 || bytes < 0 || pos + bytes > data.length) {
            throw error(path, "offset " + pos + " (+" + bytes + " bytes) is outside the " + data.length
                    + "-byte buffer");
        }
    }

    int u8(int pos, String path) {
        check(pos, 1, path);
        return data[pos] & 0xFF;
    }

    /** Little-endian unsigned integer of {@code width} bytes; widths of 8 may come back negative (above 2^63). */
    long readUnsigned(int pos, int width, String path) {
        check(pos, width, path);
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (data[pos + i] & 0xFF);
        }
        return v;
    }

    /** Little-endian signed integer of {@code width} bytes (sign-extended). */
    long readSigned(int pos, int width, String path) {
        long v = readUnsigned(pos, width, path);
        int unused = 64 - 8 * width;
        return (v << unused) >> unused;
    }

    /** A float of 4 or 8 bytes; FlexBuffers' 1- and 2-byte floats are not readable by TFLite either. */
    double readFloat(int pos, int width, String path) {
        if (width == 4) {
            return Float.intBitsToFloat((int) readUnsigned(pos, 4, path));
        }
        if (width == 8) {
            return Double.longBitsToDouble(readUnsigned(pos, 8, path));
        }
        throw error(path, width + "-byte float");
    }

    /** Follows the offset stored at {@code pos} (backwards, as every FlexBuffers offset). */
    int indirect(int pos, int width, String path) {
        long offset = readUnsigned(pos, width, path);
        if (offset < 0 || offset > pos) {
            throw error(path, "offset " + Long.toUnsignedString(offset) + " at " + pos + " points before the buffer");
        }
        return (int) (pos - offset);
    }

    /** Compares the NUL-terminated key at {@code pos} with {@code key} (as strcmp, unsigned bytes). */
    int compareKey(int pos, byte[] key, String path) {
        for (int i = 0; ; i++) {
            int a = u8(pos + i, path);
            int b = i < key.length ? key[i] & 0xFF : 0;
            if (a != b || a == 0) {
                return a - b;
            }
        }
    }

    /** Length of the NUL-terminated string at {@code pos}. */
    int keyLength(int pos, String path) {
        for (int i = 0; ; i++) {
            if (u8(pos + i, path) == 0) {
                return i;
            }
        }
    }

    String utf8(int pos, int length, String path) {
        check(pos, length, path);
        return new String(data, pos, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
