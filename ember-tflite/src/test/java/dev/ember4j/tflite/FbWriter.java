/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A minimal flatbuffer writer for tests: tables, vectors and strings are built as a tree and laid out
 * front to back (every child after the field that references it, so all uoffsets are forward). A
 * table referenced several times from one vector of tables is written once (shared).
 */
final class FbWriter {

    /** A table under construction: field index to value. */
    static final class Table {
        private final TreeMap<Integer, Object> fields = new TreeMap<>();

        Table u8(int index, int value) {
            fields.put(index, new Scalar(1, value));
            return this;
        }

        Table i32(int index, int value) {
            fields.put(index, new Scalar(4, value));
            return this;
        }

        Table i64(int index, long value) {
            fields.put(index, new Scalar(8, value));
            return this;
        }

        Table f32(int index, float value) {
            fields.put(index, new Scalar(4, Float.floatToRawIntBits(value) & 0xFFFFFFFFL));
            return this;
        }

        Table table(int index, Table t) {
            fields.put(index, t);
            return this;
        }

        Table vector(int index, Vec v) {
            fields.put(index, v);
            return this;
        }

        Table string(int index, String s) {
            fields.put(index, Vec.bytes(s.getBytes(StandardCharsets.UTF_8), true));
            return this;
        }

        Table ints(int index, int... values) {
            return vector(index, Vec.ints(values));
        }
    }

    private record Scalar(int width, long value) {}

    /** A vector of scalars (raw little-endian bytes) or of tables. */
    static final class Vec {
        final int length;
        final byte[] data;
        final List<Table> tables;
        final boolean nulTerminated;

        private Vec(int length, byte[] data, List<Table> tables, boolean nulTerminated) {
            this.length = length;
            this.data = data;
            this.tables = tables;
            this.nulTerminated = nulTerminated;
        }

        static Vec bytes(byte[] data, boolean string) {
            return new Vec(data.length, data, null, string);
        }

        static Vec ints(int... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                b.putInt(v);
            }
            return new Vec(values.length, b.array(), null, false);
        }

        static Vec floats(float... values) {
            ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) {
                b.putFloat(v);
            }
            return new Vec(values.length, b.array(), null, false);
        }

        static Vec longs(long... values) {
            ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : values) {
                b.putLong(v);
            }
            return new Vec(values.length, b.array(), null, false);
        }

        static Vec tables(List<Table> tables) {
            return new Vec(tables.size(), null, new ArrayList<>(tables), false);
        }
    }

    private final Out out = new Out();
    private final Map<Table, Integer> written = new IdentityHashMap<>();

    private FbWriter() {}

    /** The file: root uoffset, 4-byte identifier, then the tree. */
    static byte[] finish(Table root, String identifier) {
        FbWriter w = new FbWriter();
        w.out.putInt(0);
        w.out.put(identifier.getBytes(StandardCharsets.ISO_8859_1));
        int rootPos = w.table(root);
        w.out.setInt(0, rootPos);
        return w.out.toByteArray();
    }

    private int table(Table t) {
        Integer done = written.get(t);
        if (done != null) {
            return done;
        }
        int maxIndex = t.fields.isEmpty() ? -1 : t.fields.lastKey();
        int vtableSize = 4 + 2 * (maxIndex + 1);
        // inline layout: soffset, then each field aligned to its size
        int[] offsets = new int[maxIndex + 1];
        int size = 4;
        for (Map.Entry<Integer, Object> e : t.fields.entrySet()) {
            int width = e.getValue() instanceof Scalar s ? s.width() : 4;
            size = align(size, width);
            offsets[e.getKey()] = size;
            size += width;
        }
        out.align(2);
        int vtable = out.size();
        out.putShort(vtableSize);
        out.putShort(size);
        for (int i = 0; i <= maxIndex; i++) {
            out.putShort(offsets[i]);
        }
        out.align(8);
        int pos = out.size();
        written.put(t, pos);
        out.putInt(pos - vtable);
        for (Map.Entry<Integer, Object> e : t.fields.entrySet()) {
            int at = pos + offsets[e.getKey()];
            out.padTo(at);
            if (e.getValue() instanceof Scalar s) {
                out.putLE(s.value(), s.width());
            } else {
                out.putInt(0); // patched below
            }
        }
        out.padTo(pos + size);
        for (Map.Entry<Integer, Object> e : t.fields.entrySet()) {
            int at = pos + offsets[e.getKey()];
            Object v = e.getValue();
            if (v instanceof Table child) {
                out.setInt(at, table(child) - at);
            } else if (v instanceof Vec vec) {
                out.setInt(at, vector(vec) - at);
            }
        }
        return pos;
    }

    private int vector(Vec v) {
        out.align(8);
        if (v.data != null) {
            // keep 8-byte elements aligned: the length word sits 4 bytes before an 8-byte boundary
            if (v.data.length == 8L * v.length && v.length > 0) {
                out.putInt(0);
            }
            int pos = out.size();
            out.putInt(v.length);
            out.put(v.data);
            if (v.nulTerminated) {
                out.put(new byte[] {0});
            }
            return pos;
        }
        int pos = out.size();
        out.putInt(v.length);
        int slots = out.size();
        for (int i = 0; i < v.length; i++) {
            out.putInt(0);
        }
        for (int i = 0; i < v.length; i++) {
            int slot = slots + 4 * i;
            out.setInt(slot, table(v.tables.get(i)) - slot);
        }
        return pos;
    }

    private static int align(int x, int a) {
        return (x + a - 1) / a * a;
    }

    /** A growable little-endian byte sink with patching. */
    private static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int size() {
            return bytes.size();
        }

        void put(byte[] b) {
            bytes.write(b, 0, b.length);
        }

        void putLE(long v, int width) {
            for (int i = 0; i < width; i++) {
                bytes.write((int) (v >>> (8 * i)));
            }
        }

        void putInt(int v) {
            putLE(v, 4);
        }

        void putShort(int v) {
            putLE(v, 2);
        }

        void align(int a) {
            padTo(FbWriter.align(size(), a));
        }

        void padTo(int pos) {
            while (size() < pos) {
                bytes.write(0);
            }
        }

        private final Map<Integer, Integer> patches = new TreeMap<>();

        void setInt(int pos, int v) {
            patches.put(pos, v);
        }

        byte[] toByteArray() {
            byte[] b = bytes.toByteArray();
            ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            patches.forEach(bb::putInt);
            return b;
        }
    }
}
