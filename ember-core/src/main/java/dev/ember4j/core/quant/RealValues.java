/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.quant;

import dev.ember4j.core.TensorType;

/**
 * Real (float) values to and from a tensor's little-endian bytes, the one conversion both front doors
 * use (the Interpreter's {@code Tensor.quantize/dequantize} and generated classes' {@code predict}).
 * Quantized types as TFLite's QUANTIZE and DEQUANTIZE: {@code x / scale} in float, rounded half away
 * from zero, plus the zero point, clamped; back as {@code scale * (q - zeroPoint)}. FLOAT32 is copied;
 * INT32, INT64 and BOOL carry the values themselves (Java's saturating casts; bool is {@code x != 0}).
 * Allocates nothing.
 */
public final class RealValues {
    private RealValues() {}

    /** True for the types {@link #quantize} and {@link #dequantize} convert. */
    public static boolean converts(TensorType type) {
        return switch (type) {
            case FLOAT32, INT8, UINT8, INT16, INT32, INT64, BOOL -> true;
            default -> false;
        };
    }

    /** Writes {@code values} as {@code type} elements at {@code out[offset..]}. */
    public static void quantize(float[] values, TensorType type, float scale, int zeroPoint, byte[] out, int offset) {
        int n = values.length;
        switch (type) {
            case FLOAT32 -> {
                for (int i = 0; i < n; i++) {
                    int bits = Float.floatToRawIntBits(values[i]);
                    int at = offset + 4 * i;
                    out[at] = (byte) bits;
                    out[at + 1] = (byte) (bits >> 8);
                    out[at + 2] = (byte) (bits >> 16);
                    out[at + 3] = (byte) (bits >> 24);
                }
            }
            case INT8, UINT8, INT16 -> {
                int lo = type == TensorType.INT8 ? -128 : type == TensorType.UINT8 ? 0 : -32768;
                int hi = type == TensorType.INT8 ? 127 : type == TensorType.UINT8 ? 255 : 32767;
                for (int i = 0; i < n; i++) {
                    float ratio = values[i] / scale; // float division and round-half-away, as TFLite's QUANTIZE
                    long q = Math.max(lo, Math.min(hi, (long) FixedPoint.roundHalfAwayFromZero(ratio) + zeroPoint));
                    if (type == TensorType.INT16) {
                        out[offset + 2 * i] = (byte) q;
                        out[offset + 2 * i + 1] = (byte) (q >> 8);
                    } else {
                        out[offset + i] = (byte) q;
                    }
                }
            }
            case INT32, INT64 -> {
                int bytes = type.bytes();
                for (int i = 0; i < n; i++) {
                    long v = bytes == 4 ? (int) values[i] : (long) values[i];
                    for (int b = 0; b < bytes; b++) {
                        out[offset + bytes * i + b] = (byte) (v >> (8 * b));
                    }
                }
            }
            case BOOL -> {
                for (int i = 0; i < n; i++) {
                    out[offset + i] = (byte) (values[i] != 0 ? 1 : 0);
                }
            }
            default -> throw new IllegalArgumentException("real values do not convert to " + type);
        }
    }

    /** Reads {@code values.length} elements of {@code type} at {@code in[offset..]} as real values. */
    public static void dequantize(byte[] in, int offset, TensorType type, float scale, int zeroPoint, float[] values) {
        int n = values.length;
        for (int i = 0; i < n; i++) {
            values[i] = switch (type) {
                case FLOAT32 -> Float.intBitsToFloat(i32(in, offset + 4 * i));
                case INT8 -> (float) ((double) scale * (in[offset + i] - zeroPoint));
                case UINT8 -> (float) ((double) scale * ((in[offset + i] & 0xff) - zeroPoint));
                case INT16 -> (float) ((double) scale
                        * ((short) ((in[offset + 2 * i] & 0xff) | in[offset + 2 * i + 1] << 8) - zeroPoint));
                case INT32 -> i32(in, offset + 4 * i);
                case INT64 -> (float) ((i32(in, offset + 8 * i) & 0xffffffffL) | (long) i32(in, offset + 8 * i + 4) << 32);
                case BOOL -> in[offset + i] != 0 ? 1f : 0f;
                default -> throw new IllegalArgumentException("real values do not convert from " + type);
            };
        }
    }

    private static int i32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | b[at + 3] << 24;
    }
}
