/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.flex;

import java.nio.charset.StandardCharsets;

/**
 * One FlexBuffers value (flexbuffers.h's {@code Reference}): where its slot is in the parent, the parent's
 * slot width and the value's packed type. Conversions follow flexbuffers' {@code As*} rules for the
 * numeric types (an integer read as a float is converted, a float read as an integer truncated) but are
 * strict where TFLite would silently read 0: a missing (null) value, a string or a vector read as a
 * number, and a value outside the requested range are {@link dev.ember4j.core.ModelFormatException}s.
 */
public final class FlexValue {
    private final FlexBuffer buf;
    private final int pos;
    private final int parentWidth;
    private final int type;
    private final int byteWidth;
    private final String path;

    FlexValue(FlexBuffer buf, int pos, int parentWidth, int packedType, String path) {
        this.buf = buf;
        this.pos = pos;
        this.parentWidth = parentWidth;
        this.type = packedType >> 2;
        this.byteWidth = 1 << (packedType & 3);
        this.path = path;
    }

    private static FlexValue missing(FlexBuffer buf, String path) {
        return new FlexValue(buf, 0, 1, FlexType.NULL, path);
    }

    /** Where this value is, for messages: "root", "root.max_detections", "root[2]". */
    public String path() {
        return path;
    }

    /** The FlexBuffers type name: "INT", "FLOAT", "MAP", ... */
    public String typeName() {
        return FlexType.name(type);
    }

    /** True for a null value, which is also what looking up an absent map key gives. */
    public boolean isNull() {
        return type == FlexType.NULL;
    }

    public boolean isMap() {
        return type == FlexType.MAP;
    }

    public boolean isNumber() {
        return type == FlexType.INT || type == FlexType.UINT || type == FlexType.FLOAT || type == FlexType.BOOL
                || type == FlexType.INDIRECT_INT || type == FlexType.INDIRECT_UINT || type == FlexType.INDIRECT_FLOAT;
    }

    private dev.ember4j.core.ModelFormatException error(String message) {
        return buf.error(path, message);
    }

    private dev.ember4j.core.ModelFormatException notA(String wanted) {
        return error(isNull() ? "is missing (null), expected " + wanted : "is " + typeName() + ", expected " + wanted);
    }

    /** The value as a 64-bit integer: integers and booleans as stored, floats truncated toward zero. */
    public long asLong() {
        switch (type) {
            case FlexType.INT, FlexType.BOOL:
                return type == FlexType.BOOL ? buf.readUnsigned(pos, parentWidth, path)
                        : buf.readSigned(pos, parentWidth, path);
            case FlexType.INDIRECT_INT:
                return buf.readSigned(buf.indirect(pos, parentWidth, path), byteWidth, path);
            case FlexType.UINT, FlexType.INDIRECT_UINT: {
                long v = type == FlexType.UINT ? buf.readUnsigned(pos, parentWidth, path)
                        : buf.readUnsigned(buf.indirect(pos, parentWidth, path), byteWidth, path);
                if (v < 0) {
                    throw error("unsigned value " + Long.toUnsignedString(v) + " is out of range");
                }
                return v;
            }
            case FlexType.FLOAT, FlexType.INDIRECT_FLOAT: {
                double d = asDouble();
                if (!(d > -9.2e18 && d < 9.2e18)) {
                    throw error("float value " + d + " is not a representable integer");
                }
                return (long) d;
            }
            default:
                throw notA("a number");
        }
    }

    /** The value as an int ({@link #asLong()} within the int range). */
    public int asInt() {
        long v = asLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error("value " + v + " is outside the int range");
        }
        return (int) v;
    }

    /** The value as a double: floats as stored (4 or 8 bytes), integers and booleans converted. */
    public double asDouble() {
        return switch (type) {
            case FlexType.FLOAT -> buf.readFloat(pos, parentWidth, path);
            case FlexType.INDIRECT_FLOAT -> buf.readFloat(buf.indirect(pos, parentWidth, path), byteWidth, path);
            case FlexType.INT, FlexType.UINT, FlexType.BOOL, FlexType.INDIRECT_INT, FlexType.INDIRECT_UINT ->
                    (double) asLong();
            default -> throw notA("a number");
        };
    }

    /** {@code (float) asDouble()}, as flexbuffers' AsFloat. */
    public float asFloat() {
        return (float) asDouble();
    }

    /** A boolean, or a number: true when non-zero (a float truncated first, as flexbuffers' AsBool). */
    public boolean asBool() {
        if (type == FlexType.BOOL) {
            return buf.readUnsigned(pos, parentWidth, path) != 0;
        }
        if (!isNumber()) {
            throw notA("a boolean");
        }
        return asLong() != 0;
    }

    /** A STRING or KEY value (decoded as UTF-8). */
    public String asString() {
        if (type == FlexType.KEY) {
            int at = buf.indirect(pos, parentWidth, path);
            return buf.utf8(at, buf.keyLength(at, path), path);
        }
        if (type != FlexType.STRING) {
            throw notA("a string");
        }
        int at = buf.indirect(pos, parentWidth, path);
        long size = buf.readUnsigned(at - byteWidth, byteWidth, path);
        if (size < 0 || size > buf.length() - at) {
            throw error("string of " + Long.toUnsignedString(size) + " bytes runs past the buffer");
        }
        return buf.utf8(at, (int) size, path);
    }

    /** Elements of a MAP (its values), VECTOR or typed vector. */
    public int length() {
        return new Elements().size;
    }

    /** Element {@code i} of a MAP (its i-th value in key order), VECTOR or typed vector. */
    public FlexValue at(int i) {
        Elements e = new Elements();
        if (i < 0 || i >= e.size) {
            throw error("index " + i + " is outside the " + e.size + " elements");
        }
        return e.value(i, path + "[" + i + "]");
    }

    /**
     * The value of {@code key} in this MAP, or a null value (see {@link #isNull()}) when the map has no such
     * key. Keys are found by binary search over the sorted key vector, as flexbuffers does.
     */
    public FlexValue get(String key) {
        if (type != FlexType.MAP) {
            throw notA("a map");
        }
        Elements values = new Elements();
        int keysSlot = values.start - 3 * byteWidth;
        int keys = buf.indirect(keysSlot, byteWidth, path + " keys");
        long keyWidth = buf.readUnsigned(values.start - 2 * byteWidth, byteWidth, path + " keys");
        FlexBuffer.checkWidth(buf, (int) Math.min(keyWidth, 16), path + " keys");
        int kw = (int) keyWidth;
        long keyCount = buf.readUnsigned(keys - kw, kw, path + " keys");
        if (keyCount < 0 || keyCount > (buf.length() - keys) / kw) {
            throw error("key vector of " + Long.toUnsignedString(keyCount) + " entries runs past the buffer");
        }
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        int lo = 0;
        int hi = (int) keyCount;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int slot = keys + mid * kw;
            int cmp = -buf.compareKey(buf.indirect(slot, kw, path + " keys"), wanted, path + " keys");
            if (cmp < 0) {
                hi = mid;
            } else if (cmp > 0) {
                lo = mid + 1;
            } else {
                // flexbuffers: a key beyond the values vector reads as null
                return mid < values.size ? values.value(mid, path + "." + key) : missing(buf, path + "." + key);
            }
        }
        return missing(buf, path + "." + key);
    }

    /** The element layout of a MAP, VECTOR or (fixed) typed vector, checked against the buffer. */
    private final class Elements {
        final int start;
        final int size;
        final int elementType;

        Elements() {
            boolean untyped = type == FlexType.MAP || type == FlexType.VECTOR;
            if (!untyped && !FlexType.isTypedVector(type) && !FlexType.isFixedTypedVector(type)) {
                throw notA("a map or vector");
            }
            start = buf.indirect(pos, parentWidth, path);
            long n = FlexType.isFixedTypedVector(type) ? FlexType.fixedLength(type)
                    : buf.readUnsigned(start - byteWidth, byteWidth, path);
            long bytesPer = untyped ? byteWidth + 1L : byteWidth; // untyped: a packed type byte per element
            if (n < 0 || n > (buf.length() - start) / bytesPer) {
                throw error(typeName() + " of " + Long.toUnsignedString(n) + " elements runs past the buffer");
            }
            size = (int) n;
            elementType = untyped ? -1 : FlexType.elementType(type);
        }

        FlexValue value(int i, String childPath) {
            int slot = start + i * byteWidth;
            if (elementType < 0) {
                int packed = buf.u8(start + size * byteWidth + i, childPath);
                return new FlexValue(buf, slot, byteWidth, packed, childPath);
            }
            // typed vectors: elements share the vector's width; strings (deprecated) are sized by it too
            int widthCode = Integer.numberOfTrailingZeros(byteWidth);
            int packed = (elementType << 2) | (elementType == FlexType.STRING ? widthCode : 0);
            return new FlexValue(buf, slot, byteWidth, packed, childPath);
        }
    }
}
