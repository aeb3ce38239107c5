/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.flex;

/** FlexBuffers value types (flexbuffers.h, {@code flexbuffers::Type}): the high six bits of a packed type byte. */
final class FlexType {
    static final int NULL = 0;
    static final int INT = 1;
    static final int UINT = 2;
    static final int FLOAT = 3;
    static final int KEY = 4;
    static final int STRING = 5;
    static final int INDIRECT_INT = 6;
    static final int INDIRECT_UINT = 7;
    static final int INDIRECT_FLOAT = 8;
    static final int MAP = 9;
    static final int VECTOR = 10;
    static final int VECTOR_INT = 11;
    static final int VECTOR_KEY = 14;
    static final int VECTOR_STRING_DEPRECATED = 15;
    static final int VECTOR_INT2 = 16;
    static final int VECTOR_FLOAT4 = 24;
    static final int BLOB = 25;
    static final int BOOL = 26;
    static final int VECTOR_BOOL = 36;

    private static final String[] NAMES = {"NULL", "INT", "UINT", "FLOAT", "KEY", "STRING", "INDIRECT_INT",
        "INDIRECT_UINT", "INDIRECT_FLOAT", "MAP", "VECTOR", "VECTOR_INT", "VECTOR_UINT", "VECTOR_FLOAT", "VECTOR_KEY",
        "VECTOR_STRING_DEPRECATED", "VECTOR_INT2", "VECTOR_UINT2", "VECTOR_FLOAT2", "VECTOR_INT3", "VECTOR_UINT3",
        "VECTOR_FLOAT3", "VECTOR_INT4", "VECTOR_UINT4", "VECTOR_FLOAT4", "BLOB", "BOOL"};

    private FlexType() {}

    static String name(int type) {
        if (type >= 0 && type < NAMES.length) {
            return NAMES[type];
        }
        return type == VECTOR_BOOL ? "VECTOR_BOOL" : "unknown type " + type;
    }

    /** Stored in the parent's slot (no offset to follow). */
    static boolean isInline(int type) {
        return type <= FLOAT || type == BOOL;
    }

    /** Typed vectors with a size prefix: VECTOR_INT .. VECTOR_STRING_DEPRECATED and VECTOR_BOOL. */
    static boolean isTypedVector(int type) {
        return (type >= VECTOR_INT && type <= VECTOR_STRING_DEPRECATED) || type == VECTOR_BOOL;
    }

    /** Fixed-length typed vectors (2, 3 or 4 elements, no size prefix). */
    static boolean isFixedTypedVector(int type) {
        return type >= VECTOR_INT2 && type <= VECTOR_FLOAT4;
    }

    /** Element type of a typed or fixed typed vector. */
    static int elementType(int vectorType) {
        if (vectorType == VECTOR_BOOL) {
            return BOOL;
        }
        if (isTypedVector(vectorType)) {
            return vectorType - VECTOR_INT + INT;
        }
        return (vectorType - VECTOR_INT2) % 3 + INT;
    }

    /** Length of a fixed typed vector. */
    static int fixedLength(int vectorType) {
        return (vectorType - VECTOR_INT2) / 3 + 2;
    }
}
