/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Makes an unsupported model from a supported one: every operator code of the flatbuffer becomes
 * LSH_PROJECTION (15), an operator Ember does not run. Reads just enough of the TFLite schema: Model field 1
 * (operator_codes), OperatorCode fields 0 (deprecated_builtin_code, int8) and 3 (builtin_code, int32).
 */
final class UnsupportedModels {
    static final int LSH_PROJECTION = 15;

    private UnsupportedModels() {}

    static byte[] withEveryOperator(byte[] model, int code) {
        byte[] out = model.clone();
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        int root = b.getInt(0);
        int codes = field(b, root, 1);
        if (codes < 0) {
            throw new IllegalArgumentException("no operator codes");
        }
        int vector = codes + b.getInt(codes);
        int n = b.getInt(vector);
        for (int i = 0; i < n; i++) {
            int slot = vector + 4 + 4 * i;
            int table = slot + b.getInt(slot);
            int deprecated = field(b, table, 0);
            if (deprecated >= 0) {
                b.put(deprecated, (byte) code);
            }
            int builtin = field(b, table, 3);
            if (builtin >= 0) {
                b.putInt(builtin, code);
            }
            if (deprecated < 0 && builtin < 0) {
                throw new IllegalArgumentException("operator code " + i + " has no code field to change");
            }
        }
        return out;
    }

    /** Absolute position of a table's field, or -1 when the vtable leaves it out. */
    private static int field(ByteBuffer b, int table, int index) {
        int vtable = table - b.getInt(table);
        int vtableSize = Short.toUnsignedInt(b.getShort(vtable));
        int entry = 4 + 2 * index;
        if (entry >= vtableSize) {
            return -1;
        }
        int offset = Short.toUnsignedInt(b.getShort(vtable + entry));
        return offset == 0 ? -1 : table + offset;
    }
}
