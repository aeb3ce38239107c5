/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.quant.RealValues;
import dev.ember4j.tflite.prepare.PreparedTensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A model input or output of an {@link Interpreter}: its metadata and a view of its bytes in the
 * arena. Data is valid between {@code invoke()} calls; outputs change on the next invoke.
 */
public final class Tensor {
    private final PreparedTensor tensor;
    private final byte[] arena;
    private final int offset;
    private final int byteSize;

    Tensor(PreparedTensor tensor, byte[] arena) {
        this.tensor = tensor;
        this.arena = tensor.isConstant() ? tensor.constant() : arena;
        this.offset = tensor.isConstant() ? 0 : tensor.arenaOffset();
        this.byteSize = tensor.byteSize();
    }

    public String name() {
        return tensor.name();
    }

    /** A copy of the shape. */
    public int[] shape() {
        return tensor.shape().clone();
    }

    public TensorType type() {
        return tensor.type();
    }

    /** Quantization scale (0 for unquantized tensors). */
    public float scale() {
        return tensor.scale();
    }

    public int zeroPoint() {
        return tensor.zeroPoint();
    }

    public int elementCount() {
        return tensor.elementCount();
    }

    public int byteSize() {
        return byteSize;
    }

    /** A little-endian view of this tensor's bytes in the arena (writable for inputs). */
    public ByteBuffer data() {
        return ByteBuffer.wrap(arena, offset, byteSize).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies raw tensor bytes in; {@code src} must be exactly {@link #byteSize()} long. Allocates nothing. */
    public void copyFrom(byte[] src) {
        java.util.Objects.requireNonNull(src, "src");
        checkLength(src.length);
        System.arraycopy(src, 0, arena, offset, byteSize);
    }

    /** Copies raw tensor bytes out; {@code dst} must be exactly {@link #byteSize()} long. Allocates nothing. */
    public void copyTo(byte[] dst) {
        java.util.Objects.requireNonNull(dst, "dst");
        checkLength(dst.length);
        System.arraycopy(arena, offset, dst, 0, byteSize);
    }

    /**
     * Copies raw tensor bytes in from {@code src}'s remaining bytes (exactly {@link #byteSize()}; heap or
     * direct, any byte order: the bytes are taken as they are, little-endian as the model's). The
     * buffer's position is not changed. Allocates nothing.
     */
    public void copyFrom(ByteBuffer src) {
        java.util.Objects.requireNonNull(src, "src");
        checkLength(src.remaining());
        src.get(src.position(), arena, offset, byteSize);
    }

    /** Copies raw tensor bytes into {@code dst}'s remaining space (exactly {@link #byteSize()}); position unchanged. */
    public void copyTo(ByteBuffer dst) {
        java.util.Objects.requireNonNull(dst, "dst");
        checkLength(dst.remaining());
        dst.put(dst.position(), arena, offset, byteSize);
    }

    /**
     * Real values in: a FLOAT32 tensor takes them as they are; an INT8, UINT8 or INT16 tensor quantizes
     * them as TFLite's QUANTIZE does (x / scale in float, rounded half away from zero, plus the zero
     * point, clamped to the type); INT32, INT64 and BOOL take the values themselves ({@link RealValues},
     * as generated classes convert). Allocates nothing.
     */
    public void quantize(float[] values) {
        java.util.Objects.requireNonNull(values, "values");
        checkElements(values.length);
        requireConvertible("to");
        RealValues.quantize(values, tensor.type(), tensor.scale(), tensor.zeroPoint(), arena, offset);
    }

    /**
     * Real values out: a FLOAT32 tensor as it is; an INT8, UINT8 or INT16 one dequantized as
     * {@code scale * (q - zeroPoint)}; INT32, INT64 and BOOL as their values. Allocates nothing.
     */
    public void dequantize(float[] values) {
        java.util.Objects.requireNonNull(values, "values");
        checkElements(values.length);
        requireConvertible("from");
        RealValues.dequantize(arena, offset, tensor.type(), tensor.scale(), tensor.zeroPoint(), values);
    }

    private void requireConvertible(String direction) {
        if (!RealValues.converts(tensor.type())) {
            throw new IllegalStateException(tensor.label() + " is " + tensor.type() + ": real values convert only "
                    + direction + " FLOAT32, INT8, UINT8, INT16, INT32, INT64 or BOOL tensors");
        }
    }

    private void checkLength(int length) {
        if (length != byteSize) {
            throw new IllegalArgumentException(tensor.label() + " " + Arrays.toString(tensor.shape()) + " holds "
                    + byteSize + " bytes, got " + length);
        }
    }

    private void checkElements(int length) {
        if (length != tensor.elementCount()) {
            throw new IllegalArgumentException(tensor.label() + " " + Arrays.toString(tensor.shape()) + " holds "
                    + tensor.elementCount() + " values, got " + length);
        }
    }

    @Override
    public String toString() {
        return "Tensor[" + tensor.name() + " " + tensor.type() + Arrays.toString(tensor.shape()) + " scale "
                + tensor.scale() + " zp " + tensor.zeroPoint() + "]";
    }
}
