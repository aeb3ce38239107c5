/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

/** Element types of tensors, numbered as in the TensorFlow Lite schema. */
public enum TensorType {
    FLOAT32(0, 4), FLOAT16(1, 2), INT32(2, 4), UINT8(3, 1), INT64(4, 8), STRING(5, -1), BOOL(6, 1),
    INT16(7, 2), COMPLEX64(8, 8), INT8(9, 1), FLOAT64(10, 8), COMPLEX128(11, 16), UINT64(12, 8),
    RESOURCE(13, -1), VARIANT(14, -1), UINT32(15, 4), UINT16(16, 2), INT4(17, -1), BFLOAT16(18, 2);

    private static final TensorType[] BY_CODE = values();

    private final int code;
    private final int bytes;

    TensorType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** Schema code of this type. */
    public int code() {
        return code;
    }

    /** Bytes per element, or -1 where elements have no fixed size. */
    public int bytes() {
        return bytes;
    }

    /** The type with this schema code, or null if the code is unknown. */
    public static TensorType fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
