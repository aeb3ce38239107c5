/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.addn;

import dev.ember4j.core.ops.Slot;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AddNKernelTest {

    private static ByteBuffer run(boolean isFloat, int n, ByteBuffer[] inputs) {
        int k = inputs.length;
        byte[] arena = new byte[4 * n * (k + 1)];
        Slot[] in = new Slot[k];
        for (int j = 0; j < k; j++) {
            System.arraycopy(inputs[j].array(), 0, arena, 4 * n * j, 4 * n);
            in[j] = j == 1 ? Slot.constant(inputs[j].array().clone()) : Slot.arena(4 * n * j);
        }
        AddNKernel.run(new AddNParams(n, k, isFloat), in, new Slot[] {Slot.arena(4 * n * k)}, arena, new byte[0]);
        return ByteBuffer.wrap(arena, 4 * n * k, 4 * n).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void randomizedAgainstClampedPartialSums() {
        Random r = new Random(7);
        for (int t = 0; t < 200; t++) {
            boolean isFloat = r.nextBoolean();
            int k = 2 + r.nextInt(5);
            int n = 1 + r.nextInt(20);
            ByteBuffer[] in = new ByteBuffer[k];
            for (int j = 0; j < k; j++) {
                in[j] = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    if (isFloat) {
                        in[j].putFloat(4 * i, r.nextInt(3) == 0 ? (r.nextBoolean() ? 3e38f : -3e38f)
                                : (float) r.nextGaussian() * 100);
                    } else {
                        in[j].putInt(4 * i, r.nextInt());
                    }
                }
            }
            ByteBuffer y = run(isFloat, n, in);
            for (int i = 0; i < n; i++) {
                if (isFloat) {
                    double x = in[0].getFloat(4 * i);
                    for (int j = 1; j < k; j++) {
                        // a float sum is the exact double sum rounded once; beyond the range it clamps
                        float s = (float) (x + in[j].getFloat(4 * i));
                        x = Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, s));
                    }
                    assertEquals((float) x, y.getFloat(4 * i), "case " + t + " element " + i);
                } else {
                    long x = 0;
                    for (int j = 0; j < k; j++) {
                        x += in[j].getInt(4 * i);
                    }
                    assertEquals((int) x, y.getInt(4 * i), "case " + t + " element " + i);
                }
            }
        }
    }

    @Test
    void tfliteObservedValues() {
        // TFLite 2.21: [3e38, 3e38, -3e38] -> 4.0282346e37, [inf, -inf, 1] -> NaN, [1e38, inf, -inf] -> -FLT_MAX
        float[][] cols = {{3e38f, 3e38f, -3e38f}, {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f},
                {1e38f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}, {-0f, -0f, -0f}};
        ByteBuffer[] in = new ByteBuffer[3];
        for (int j = 0; j < 3; j++) {
            in[j] = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 4; i++) {
                in[j].putFloat(4 * i, cols[i][j]);
            }
        }
        ByteBuffer y = run(true, 4, in);
        assertEquals(4.0282346e37f, y.getFloat(0));
        assertEquals(Float.NaN, y.getFloat(4));
        assertEquals(-Float.MAX_VALUE, y.getFloat(8));
        assertEquals(Float.floatToRawIntBits(-0f), y.getInt(12));
    }
}
