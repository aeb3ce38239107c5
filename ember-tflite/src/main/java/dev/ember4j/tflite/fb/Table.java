/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.fb;

import dev.ember4j.core.ModelFormatException;

/** A flatbuffer table: fields found through its vtable, absent fields give their schema default. */
public final class Table {
    private final FlatBuffer fb;
    private final int pos;
    private final int vtable;
    private final int vtableSize;
    private final int tableSize;
    private final String what;

    Table(FlatBuffer fb, int pos, String what) {
        this.fb = fb;
        this.pos = pos;
        this.what = what;
        long vt = (long) pos - fb.i32(pos, what + " vtable offset");
        if (vt < 0 || vt + 4 > fb.size()) {
            throw new ModelFormatException(what + ": vtable at " + vt + " is outside the " + fb.size() + "-byte file");
        }
        this.vtable = (int) vt;
        this.vtableSize = fb.u16(vtable, what + " vtable");
        this.tableSize = fb.u16(vtable + 2, what + " vtable");
        if (vtableSize < 4 || (vtableSize & 1) != 0) {
            throw new ModelFormatException(what + ": invalid vtable size " + vtableSize);
        }
        fb.check(vtable, vtableSize, what + " vtable");
        if (tableSize < 4) {
            throw new ModelFormatException(what + ": invalid table size " + tableSize);
        }
        fb.check(pos, tableSize, what);
    }

    public String what() {
        return what;
    }

    /** Absolute position of a field, or -1 when absent. */
    private int field(int index, int bytes) {
        int entry = 4 + 2 * index;
        if (entry + 2 > vtableSize) {
            return -1;
        }
        int offset = fb.u16(vtable + entry, what + " vtable");
        if (offset == 0) {
            return -1;
        }
        if (offset + bytes > tableSize) {
            throw new ModelFormatException(what + ": field " + index + " at offset " + offset
                    + " lies outside its " + tableSize + "-byte table");
        }
        return pos + offset;
    }

    public boolean has(int index) {
        return field(index, 1) >= 0;
    }

    public int u8(int index, int defaultValue) {
        int p = field(index, 1);
        return p < 0 ? defaultValue : fb.u8(p, what);
    }

    public boolean bool(int index, boolean defaultValue) {
        int p = field(index, 1);
        return p < 0 ? defaultValue : fb.u8(p, what) != 0;
    }

    public int i32(int index, int defaultValue) {
        int p = field(index, 4);
        return p < 0 ? defaultValue : fb.i32(p, what);
    }

    public long i64(int index, long defaultValue) {
        int p = field(index, 8);
        return p < 0 ? defaultValue : fb.i64(p, what);
    }

    public float f32(int index, float defaultValue) {
        int p = field(index, 4);
        return p < 0 ? defaultValue : fb.f32(p, what);
    }

    /** A sub-table, or null when absent. */
    public Table table(int index, String name) {
        int p = field(index, 4);
        return p < 0 ? null : new Table(fb, fb.deref(p, what + "." + name), what + "." + name);
    }

    /** A vector, or null when absent. */
    public Vector vector(int index, String name, int elementBytes) {
        int p = field(index, 4);
        return p < 0 ? null : new Vector(fb, fb.deref(p, what + "." + name), elementBytes, what + "." + name);
    }

    /** A string, or null when absent. Names longer than 4 KiB are cut (they only serve messages). */
    public String string(int index, String name) {
        Vector v = vector(index, name, 1);
        return v == null ? null : v.utf8(4096);
    }
}
