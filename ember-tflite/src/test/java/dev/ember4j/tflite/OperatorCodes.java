/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Rewrites every operator code of a .tflite flatbuffer in place: test models with operators that no
 * shared model has (e.g. one Ember4j does not run). Shared with other modules' tests (test-jar).
 */
public final class OperatorCodes {
    private OperatorCodes() {}

    public static void setAll(byte[] model, int code) {
        ByteBuffer b = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
        int root = b.getInt(0);
        int codes = vector(b, root, 1); // Model.operator_codes
        int n = b.getInt(codes);
        for (int i = 0; i < n; i++) {
            int slot = codes + 4 + 4 * i;
            int table = slot + b.getInt(slot);
            int deprecated = field(b, table, 0); // OperatorCode.deprecated_builtin_code (byte)
            if (deprecated > 0) {
                b.put(deprecated, (byte) Math.min(code, 127));
            }
            int builtin = field(b, table, 3); // OperatorCode.builtin_code (int32)
            if (builtin > 0) {
                b.putInt(builtin, code);
            }
        }
    }

    /** A copy of {@code model} whose operators are all {@code op}, checked by reading it back. */
    public static byte[] withOperator(byte[] model, BuiltinOperator op) {
        byte[] copy = model.clone();
        setAll(copy, op.ordinal());
        for (OperatorDef d : ModelReader.read(ByteBuffer.wrap(copy)).operators()) {
            if (d.op() != op) {
                throw new IllegalStateException("rewriting operator codes failed: " + d.label());
            }
        }
        return copy;
    }

    /** Absolute position of a table field, or 0 when absent. */
    private static int field(ByteBuffer b, int table, int index) {
        int vtable = table - b.getInt(table);
        int vtSize = b.getShort(vtable) & 0xffff;
        int entry = 4 + 2 * index;
        if (entry + 2 > vtSize) {
            return 0;
        }
        int off = b.getShort(vtable + entry) & 0xffff;
        return off == 0 ? 0 : table + off;
    }

    private static int vector(ByteBuffer b, int table, int index) {
        int f = field(b, table, index);
        return f + b.getInt(f);
    }
}
