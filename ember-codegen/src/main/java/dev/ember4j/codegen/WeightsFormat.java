/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.codegen;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The weights resource written next to a generated class. All numbers are big-endian:
 * <pre>
 *   int32  magic   0x454D4257 ("EMBW")
 *   int32  version 1
 *   int32  count   number of arrays
 *   count times:
 *     uint8  kind    1 = int8 array, 4 = int32 array
 *     int32  length  number of elements
 *     length * (1 or 4) bytes of data
 * </pre>
 * and nothing after the last array. The generated class reads the arrays in order, by index.
 */
public final class WeightsFormat {
    public static final int MAGIC = 0x454D4257;
    public static final int VERSION = 1;
    public static final int KIND_INT8 = 1;
    public static final int KIND_INT32 = 4;

    private WeightsFormat() {}

    /** Serializes the arrays (each a byte[] or int[]) in order. */
    public static byte[] write(List<Object> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(arrays.size());
            for (Object a : arrays) {
                if (a instanceof byte[] b) {
                    out.writeByte(KIND_INT8);
                    out.writeInt(b.length);
                    out.write(b);
                } else if (a instanceof int[] v) {
                    out.writeByte(KIND_INT32);
                    out.writeInt(v.length);
                    for (int x : v) {
                        out.writeInt(x);
                    }
                } else {
                    throw new IllegalArgumentException("not a byte[] or int[]: " + a);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
