/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import static dev.ember4j.ops.reference.TestUtil.bytes;
import static dev.ember4j.ops.reference.TestUtil.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.ops.add.AddParams;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.ops.testkit.OperatorCalls;
import org.junit.jupiter.api.Test;

class AddKernelTest {

    private final OperatorCalls backend = new OperatorCalls(new ReferenceBackend());

    /**
     * Parameters as TFLite prepares int8 ADD: left shift 20, inputs scaled by s_i / (2 max(s1, s2)),
     * output by 2 max(s1, s2) / (2^20 s_out).
     */
    static AddParams params(int[] shape, int[] strides1, int[] strides2, double s1, int zp1, double s2, int zp2,
                            double sOut, int zpOut, int min, int max) {
        double twiceMax = 2 * Math.max(s1, s2);
        QuantizedMultiplier m1 = QuantizedMultiplier.of(s1 / twiceMax);
        QuantizedMultiplier m2 = QuantizedMultiplier.of(s2 / twiceMax);
        QuantizedMultiplier mo = QuantizedMultiplier.of(twiceMax / ((1 << 20) * sOut));
        return new AddParams(shape, strides1, strides2, -zp1, -zp2, zpOut, 20,
                m1.multiplier(), m1.shift(), m2.multiplier(), m2.shift(), mo.multiplier(), mo.shift(), min, max);
    }

    private static int[] shape6(int... dims) {
        int[] s = {1, 1, 1, 1, 1, 1};
        System.arraycopy(dims, 0, s, 6 - dims.length, dims.length);
        return s;
    }

    private byte[] run(AddParams p, byte[] a, byte[] b) {
        byte[] out = new byte[p.size()];
        backend.add(p, a, 0, b, 0, out, 0);
        return out;
    }

    @Test
    void equalScalesAddExactly() {
        int[] shape = shape6(2, 3);
        int[] dense = AddParams.denseStrides(shape);
        AddParams p = params(shape, dense, dense, 1, 0, 1, 0, 1, 0, -128, 127);
        assertTrue(p.elementwise());
        assertArrayEquals(new int[] {11, -22, 0, 127, -128, 100},
                ints(run(p, bytes(1, -2, 50, 100, -100, 0), bytes(10, -20, -50, 27, -28, 100))));
    }

    @Test
    void sumsSaturateToTheActivationRange() {
        int[] shape = shape6(4);
        int[] dense = AddParams.denseStrides(shape);
        AddParams p = params(shape, dense, dense, 1, 0, 1, 0, 1, 0, -100, 6);
        // 100 + 100 = 200 -> 6; -100 - 100 = -200 -> -100; 2 + 3 = 5; 0 + 7 = 7 -> 6
        assertArrayEquals(new int[] {6, -100, 5, 6}, ints(run(p, bytes(100, -100, 2, 0), bytes(100, -100, 3, 7))));
    }

    @Test
    void halvingOutputScaleRoundsHalfAwayFromZero() {
        // Output scale 2: out = (x + y) / 2. The sum is exact at 2^19 per unit; the final right shift by 19
        // rounds ties away from zero: 3 / 2 -> 2, -3 / 2 -> -2, 1 / 2 -> 1, -1 / 2 -> -1, 4 / 2 -> 2.
        int[] shape = shape6(5);
        int[] dense = AddParams.denseStrides(shape);
        AddParams p = params(shape, dense, dense, 1, 0, 1, 0, 2, 0, -128, 127);
        assertArrayEquals(new int[] {2, -2, 1, -1, 2},
                ints(run(p, bytes(1, -1, 0, -1, 2), bytes(2, -2, 1, 0, 2))));
    }

    @Test
    void zeroPointsAreRemovedAndApplied() {
        // zp1 = 10, zp2 = -5, zpOut = 3, all scales 1: out = (x - 10) + (y + 5) + 3.
        int[] shape = shape6(3);
        int[] dense = AddParams.denseStrides(shape);
        AddParams p = params(shape, dense, dense, 1, 10, 1, -5, 1, 3, -128, 127);
        assertArrayEquals(new int[] {-2, 13, -27},
                ints(run(p, bytes(0, 10, -20), bytes(0, 5, -5))));
    }

    @Test
    void differentInputScales() {
        // s1 = 1, s2 = 0.5, sOut = 1: out = x + y / 2. twiceMax = 2: m1 = 0.5, m2 = 0.25.
        // x = 1 -> 2^20 * 0.5 = 2^19; y = 7 -> 7 * 2^20 * 0.25 = 7 * 2^18; sum 9 * 2^18, times the output
        // multiplier 2^-19 = 4.5 -> 5 (ties away from zero). x = -1, y = -7 -> -5; x = 2, y = 2 -> 2 + 1 = 3.
        int[] shape = shape6(3);
        int[] dense = AddParams.denseStrides(shape);
        AddParams p = params(shape, dense, dense, 1, 0, 0.5, 0, 1, 0, -128, 127);
        assertArrayEquals(new int[] {5, -5, 3}, ints(run(p, bytes(1, -1, 2), bytes(7, -7, 2))));
    }

    @Test
    void broadcastOverChannels() {
        // input1 [1, 2, 2, 3] full; input2 [3] broadcast over the spatial positions.
        int[] shape = shape6(1, 2, 2, 3);
        int[] strides1 = AddParams.denseStrides(shape);
        int[] strides2 = {0, 0, 0, 0, 0, 1};
        AddParams p = params(shape, strides1, strides2, 1, 0, 1, 0, 1, 0, -128, 127);
        assertFalse(p.elementwise());
        byte[] a = bytes(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        byte[] b = bytes(10, -20, 30);
        assertArrayEquals(new int[] {10, -19, 32, 13, -16, 35, 16, -13, 38, 19, -10, 41}, ints(run(p, a, b)));
    }

    @Test
    void broadcastBothInputs() {
        // [2, 1] + [1, 3] -> [2, 3]: out[i][j] = a[i] + b[j].
        int[] shape = shape6(2, 3);
        int[] strides1 = {0, 0, 0, 0, 1, 0};
        int[] strides2 = {0, 0, 0, 0, 0, 1};
        AddParams p = params(shape, strides1, strides2, 1, 0, 1, 0, 1, 0, -128, 127);
        assertArrayEquals(new int[] {101, 102, 103, -99, -98, -97}, ints(run(p, bytes(100, -100), bytes(1, 2, 3))));
    }

    @Test
    void arbitraryStridesAreFollowed() {
        // input1 read transposed: out[i][j] = a[i + 2j] + b[2i + j].
        int[] shape = shape6(2, 2);
        AddParams p = params(shape, new int[] {0, 0, 0, 0, 1, 2}, AddParams.denseStrides(shape),
                1, 0, 1, 0, 1, 0, -128, 127);
        assertFalse(p.elementwise());
        // a = [1, 2, 3, 4] as a 2x2 [[1, 2], [3, 4]] transposed -> [[1, 3], [2, 4]]; b = [10, 20, 30, 40]
        assertArrayEquals(new int[] {11, 23, 32, 44}, ints(run(p, bytes(1, 2, 3, 4), bytes(10, 20, 30, 40))));
    }

    @Test
    void sixDimensionalBroadcastMatchesElementwiseAddition() {
        // Every dimension used: input2 broadcasts over dims 0, 2 and 4; compare against a direct loop.
        int[] shape = {2, 2, 2, 2, 2, 2};
        int[] strides1 = AddParams.denseStrides(shape);
        int[] strides2 = {0, 4, 0, 2, 0, 1};
        AddParams p = params(shape, strides1, strides2, 1, 0, 1, 0, 1, 0, -128, 127);
        byte[] a = new byte[64];
        for (int i = 0; i < 64; i++) {
            a[i] = (byte) (i - 32);
        }
        byte[] b = bytes(1, 2, 3, 4, 5, 6, 7, 8);
        byte[] out = run(p, a, b);
        for (int i = 0; i < 64; i++) {
            int d1 = (i >> 4) & 1;
            int d3 = (i >> 2) & 1;
            int d5 = i & 1;
            int expected = a[i] + b[4 * d1 + 2 * d3 + d5];
            assertArrayEquals(new int[] {expected}, new int[] {out[i]}, "element " + i);
        }
    }

    @Test
    void offsetsIntoLargerArrays() {
        int[] shape = shape6(2);
        int[] dense = AddParams.denseStrides(shape);
        AddParams p = params(shape, dense, dense, 1, 0, 1, 0, 1, 0, -128, 127);
        byte[] out = bytes(9, 9, 9, 9);
        backend.add(p, bytes(0, 0, 5, 6), 2, bytes(1, 2, 0), 0, out, 1);
        assertArrayEquals(new int[] {9, 6, 8, 9}, ints(out));
    }
}
