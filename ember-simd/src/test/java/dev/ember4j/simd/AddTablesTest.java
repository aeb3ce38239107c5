/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.ops.add.AddParams;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** ADD tables are shared by quantization and bounded in number per backend (a hostile model of many ADDs). */
class AddTablesTest {
    private static AddParams add(int outputOffset, int size) {
        return add(outputOffset, size, 3);
    }

    private static AddParams add(int outputOffset, int size, int input1Offset) {
        int[] shape = {1, 1, 1, 1, 1, size};
        int[] strides = {0, 0, 0, 0, 0, 1};
        return new AddParams(shape, strides, strides, input1Offset, -5, outputOffset, 20, 1 << 30, -1, 1 << 30, -1,
                1 << 30, -20, -128, 127);
    }

    @Test
    void operatorsOfTheSameQuantizationShareOneTable() {
        AddTables tables = new AddTables();
        AtomicInteger made = new AtomicInteger();
        byte[] a = tables.get(add(7, 5000), () -> {
            made.incrementAndGet();
            return new byte[65536];
        });
        byte[] b = tables.get(add(7, 9000), () -> {
            made.incrementAndGet();
            return new byte[65536];
        });
        assertSame(a, b);
        assertEquals(1, made.get());
        // the kernels built on one backend agree with the per-element path either way (DifferentialTest.add)
        AddKernel k1 = new AddKernel(add(7, 5000), tables);
        assertNotNull(k1);
    }

    @Test
    void atMostMaxTablesDistinctOnes() {
        AddTables tables = new AddTables();
        for (int i = 0; i < AddTables.MAX_TABLES; i++) {
            assertNotNull(tables.get(add(i - 128, 5000), () -> new byte[1]));
        }
        assertNull(tables.get(add(0, 5000, 4), () -> new byte[1]), "past the cap: the per-element path");
        assertEquals(AddTables.MAX_TABLES, tables.size());
        // an existing table is still found
        assertNotNull(tables.get(add(-128, 5000), () -> new byte[1]));
    }

    @Test
    void pixelKernelOnlyForFewChannels() {
        java.util.Random r = new java.util.Random(3);
        for (int channels : new int[] {8, PixelConv.MAX_CHANNELS, PixelConv.MAX_CHANNELS + 1}) {
            int[] m = new int[channels];
            int[] s = new int[channels];
            java.util.Arrays.fill(m, 1 << 30);
            java.util.Arrays.fill(s, -8);
            byte[] f = new byte[channels * 27];
            r.nextBytes(f);
            for (int i = 0; i < f.length; i++) {
                f[i] = (byte) (f[i] >> 3); // small weights: exact in one chunk
            }
            var p = new dev.ember4j.ops.conv2d.Conv2DParams(1, 32, 32, 3, 32, 32, channels, 3, 3, 1, 1, 1, 1, 1, 1,
                    0, 0, f, null, m, s, -128, 127);
            assertEquals(channels <= PixelConv.MAX_CHANNELS, PixelConv.forShape(p) != null, channels + " channels");
        }
    }
}
