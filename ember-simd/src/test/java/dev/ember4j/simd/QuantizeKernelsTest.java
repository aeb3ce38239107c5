/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import static dev.ember4j.simd.RegistryKernelsTest.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.ops.dequantize.DequantizeKernel;
import dev.ember4j.ops.dequantize.DequantizeParams;
import dev.ember4j.ops.quantize.QuantizeKernel;
import dev.ember4j.ops.quantize.QuantizeParams;
import dev.ember4j.ops.common.Elem;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * The simd backend's QUANTIZE (float32 to int8) and DEQUANTIZE (int8 to float32) against the
 * reference kernels: random counts, scales and zero points; inputs with exact halves, NaNs (with
 * payloads and sign), infinities, signed zeros, subnormals, huge values and random bit patterns.
 */
class QuantizeKernelsTest {
    private static final long SEED = Long.getLong("ember.seed", 0x9AL);

    private static float scale(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> (float) Math.scalb(1.0, r.nextInt(40) - 30); // exact halves below
            case 1 -> (float) Math.exp(r.nextDouble() * 160 - 80); // tiny to huge
            default -> (float) Math.exp(r.nextDouble() * 10 - 9);
        };
    }

    private static float value(Random r, float scale, int mode) {
        return switch (mode) {
            case 0 -> (r.nextInt(2000) - 1000 + 0.5f) * scale; // halves (exact where scale is a power of two)
            case 1 -> Float.intBitsToFloat(r.nextInt()); // anything, NaN and subnormals included
            case 2 -> switch (r.nextInt(9)) {
                case 0 -> Float.NaN;
                case 1 -> Float.intBitsToFloat(0xFFC00001); // negative NaN with a payload
                case 2 -> Float.POSITIVE_INFINITY;
                case 3 -> Float.NEGATIVE_INFINITY;
                case 4 -> -0f;
                case 5 -> Float.MIN_VALUE;
                case 6 -> -Float.MAX_VALUE;
                case 7 -> Math.nextDown(0.5f) * scale;
                default -> 0f;
            };
            default -> (float) ((r.nextDouble() * 300 - 150) * scale);
        };
    }

    @Test
    void quantizeFloatToInt8() {
        Random r = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            int count = 1 + r.nextInt(r.nextBoolean() ? 70 : 5000);
            float scale = scale(r);
            int zp = r.nextInt(256) - 128;
            ByteBuffer in = ByteBuffer.allocate(4 * count).order(ByteOrder.LITTLE_ENDIAN);
            int mode = r.nextInt(5);
            for (int j = 0; j < count; j++) {
                in.putFloat(value(r, scale, mode == 4 ? r.nextInt(4) : mode));
            }
            QuantizeParams p = new QuantizeParams(count, 1, scale, Elem.INT32, 0, Elem.INT8, zp, 0, 0);
            BoundKernel<QuantizeParams> chosen = same(p, QuantizeKernel.KERNEL, count, r,
                    "seed " + SEED + " quantize case " + i + " count " + count + " scale " + scale + " zp " + zp,
                    in.array());
            assertEquals("simd/QuantizeInt8", chosen.describe());
        }
    }

    /** The scalar form the vector loop's tail uses, against the reference on single elements. */
    @Test
    void scalarTailMatchesTheReference() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < 200_000; i++) {
            float scale = scale(r);
            int zp = r.nextInt(256) - 128;
            float f = value(r, scale, r.nextInt(4));
            byte[] arena = new byte[5];
            ByteBuffer.wrap(arena).order(ByteOrder.LITTLE_ENDIAN).putFloat(f);
            QuantizeKernel.run(new QuantizeParams(1, 1, scale, Elem.INT32, 0, Elem.INT8, zp, 0, 0),
                    new dev.ember4j.core.ops.Slot[] {dev.ember4j.core.ops.Slot.arena(0)},
                    new dev.ember4j.core.ops.Slot[] {dev.ember4j.core.ops.Slot.arena(4)}, arena, new byte[0]);
            assertEquals(arena[4], (byte) QuantizeInt8.quantize(f, scale, zp), f + " / " + scale + " + " + zp);
        }
    }

    @Test
    void otherQuantizationsStayOnTheReferenceKernel() {
        SimdBackend simd = new SimdBackend();
        assertTrue(simd.bind(new QuantizeParams(100, 1, 0.5f, Elem.INT32, 0, Elem.INT16, 0, 0, 0), QuantizeKernel.KERNEL)
                .isReference());
        assertTrue(simd.bind(new QuantizeParams(100, 0, 0f, Elem.INT8, 3, Elem.INT8, 0, 1 << 30, 0),
                QuantizeKernel.KERNEL).isReference());
        assertTrue(simd.bind(new DequantizeParams(100, Elem.INT16, 0.5, 0), DequantizeKernel.KERNEL).isReference());
    }

    @Test
    void dequantizeInt8ToFloat() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < 300; i++) {
            int count = 1 + r.nextInt(r.nextBoolean() ? 70 : 5000);
            double scale = r.nextBoolean() ? scale(r) : Math.exp(r.nextDouble() * 20 - 15);
            int zp = r.nextInt(256) - 128;
            byte[] in = DifferentialTest.bytes(r, count);
            DequantizeParams p = new DequantizeParams(count, Elem.INT8, scale, zp);
            BoundKernel<DequantizeParams> chosen = same(p, DequantizeKernel.KERNEL, 4 * count, r,
                    "seed " + (SEED + 2) + " dequantize case " + i, in);
            assertEquals("simd/DequantizeInt8", chosen.describe());
        }
    }
}
