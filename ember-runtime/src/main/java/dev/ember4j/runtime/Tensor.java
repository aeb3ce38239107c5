/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.quant.FixedPoint;
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
     * point, clamped to the type). Allocates nothing.
     */
    public void quantize(float[] values) {
        java.util.Objects.requireNonNull(values, "values");
        checkElements(values.length);
        TensorType t = tensor.type();
        if (t == TensorType.FLOAT32) {
            for (int i = 0; i < values.length; i++) {
                int bits = Float.floatToRawIntBits(values[i]);
                int at = offset + 4 * i;
                arena[at] = (byte) bits;
                arena[at + 1] = (byte) (bits >> 8);
                arena[at + 2] = (byte) (bits >> 16);
                arena[at + 3] = (byte) (bits >> 24);
            }
            return;
        }
        int lo = switch (t) {
            case INT8 -> -128;
            case UINT8 -> 0;
            case INT16 -> -32768;
            default -> throw new IllegalStateException(tensor.label() + " is " + t + ": real values convert only to"
                    + " FLOAT32, INT8, UINT8 or INT16 tensors");
        };
        int hi = t == TensorType.INT8 ? 127 : t == TensorType.UINT8 ? 255 : 32767;
        float scale = tensor.scale();
        int zp = tensor.zeroPoint();
        for (int i = 0; i < values.length; i++) {
            float ratio = values[i] / scale; // float division and round-half-away, as TFLite's QUANTIZE
            long q = Math.max(lo, Math.min(hi, (long) FixedPoint.roundHalfAwayFromZero(ratio) + zp));
            if (t == TensorType.INT16) {
                arena[offset + 2 * i] = (byte) q;
                arena[offset + 2 * i + 1] = (byte) (q >> 8);
            } else {
                arena[offset + i] = (byte) q;
            }
        }
    }

    /**
     * Real values out: a FLOAT32 tensor as it is; an INT8, UINT8 or INT16 one dequantized as
     * {@code scale * (q - zeroPoint)}. Allocates nothing.
     */
    public void dequantize(float[] values) {
        java.util.Objects.requireNonNull(values, "values");
        checkElements(values.length);
        TensorType t = tensor.type();
        float scale = tensor.scale();
        int zp = tensor.zeroPoint();
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (t) {
                case FLOAT32 -> Float.intBitsToFloat((arena[offset + 4 * i] & 0xff) | (arena[offset + 4 * i + 1] & 0xff) << 8
                        | (arena[offset + 4 * i + 2] & 0xff) << 16 | arena[offset + 4 * i + 3] << 24);
                case INT8 -> scale * (arena[offset + i] - zp);
                case UINT8 -> scale * ((arena[offset + i] & 0xff) - zp);
                case INT16 -> scale * ((short) ((arena[offset + 2 * i] & 0xff) | arena[offset + 2 * i + 1] << 8) - zp);
                default -> throw new IllegalStateException(tensor.label() + " is " + t + ": real values convert only"
                        + " from FLOAT32, INT8, UINT8 or INT16 tensors");
            };
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
