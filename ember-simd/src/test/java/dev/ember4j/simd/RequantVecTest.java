/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.quant.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vector requantization against FixedPoint.multiplyByQuantizedMultiplier, including extreme accumulators. */
class RequantVecTest {
    private static final int[] EDGES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, Integer.MAX_VALUE,
        Integer.MAX_VALUE - 1, 0, 1, -1, 1 << 30, -(1 << 30), (1 << 30) - 1, -(1 << 30) - 1};

    @Test
    void matchesScalarExactly() {
        Random r = new Random(42);
        int n = Lanes.N;
        int[] acc = new int[n];
        int[] out = new int[n];
        for (int iter = 0; iter < 200_000; iter++) {
            int[] mult = new int[n];
            int[] shift = new int[n];
            for (int i = 0; i < n; i++) {
                mult[i] = switch (r.nextInt(4)) {
                    case 0 -> Integer.MAX_VALUE;
                    case 1 -> 1 << 30;
                    case 2 -> 0;
                    default -> (1 << 30) + r.nextInt(1 << 30);
                } ;
                if (r.nextInt(8) != 0 && mult[i] == 0) {
                    mult[i] = (1 << 30) + r.nextInt(1 << 30);
                }
                shift[i] = r.nextInt(40) - 31;
                if (shift[i] > 8) {
                    shift[i] = r.nextInt(9);
                }
                acc[i] = switch (r.nextInt(4)) {
                    case 0 -> EDGES[r.nextInt(EDGES.length)];
                    case 1 -> r.nextInt();
                    case 2 -> (r.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE) - (r.nextInt(1 << 16) * (r.nextBoolean() ? 1 : -1));
                    default -> r.nextInt(1 << 20) - (1 << 19);
                };
            }
            Requant rq = Requant.rows(mult, shift, n);
            assertTrue(rq.vectorOk);
            System.arraycopy(acc, 0, out, 0, n);
            // A partial length makes the kernel keep its (unclamped, int) results of the whole vector in out.
            rq.requantize(out, 0, n - 1, 0, n, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, new byte[n], 0);
            for (int i = 0; i < n; i++) {
                assertEquals(FixedPoint.multiplyByQuantizedMultiplier(acc[i], mult[i], shift[i]), out[i],
                        "acc=" + acc[i] + " mult=" + mult[i] + " shift=" + shift[i]);
            }
        }
    }

    /**
     * The double-lane path (accumulators bounded at prepare): random multipliers and shifts, accumulators
     * up to the bound that still allows it (|x * m| just below 2^51), and the bound's edges.
     */
    @Test
    void doublePathMatchesScalarExactly() {
        Random r = new Random(43);
        int n = Lanes.N;
        int[] acc = new int[n];
        int[] out = new int[n];
        int chosen = 0;
        for (int iter = 0; iter < 100_000; iter++) {
            int[] mult = new int[n];
            int[] shift = new int[n];
            long[] bound = new long[n];
            for (int i = 0; i < n; i++) {
                mult[i] = r.nextInt(16) == 0 ? Integer.MAX_VALUE : (1 << 30) + r.nextInt(1 << 30);
                shift[i] = r.nextInt(8) == 0 ? r.nextInt(4) : -r.nextInt(32);
                int left = Math.max(shift[i], 0);
                long limit = (long) Math.floor((0x1p51 - 1) / mult[i]) >> left; // largest bound allowed
                bound[i] = r.nextBoolean() ? limit : 1 + (long) (r.nextDouble() * limit);
                long b = bound[i];
                acc[i] = (int) switch (r.nextInt(4)) {
                    case 0 -> r.nextBoolean() ? b : -b;
                    case 1 -> r.nextBoolean() ? b - r.nextInt(3) : -b + r.nextInt(3);
                    default -> (long) ((r.nextDouble() * 2 - 1) * b);
                };
            }
            int[] channelOf = new int[n];
            for (int i = 0; i < n; i++) {
                channelOf[i] = i;
            }
            Requant rq = new Requant(mult, shift, n, channelOf, bound, null, true);
            assertEquals(Lanes.BITS >= 256, rq.doubleOk, "bounds within 2^51 take the double path from 256 bits");
            chosen++;
            System.arraycopy(acc, 0, out, 0, n);
            rq.requantize(out, 0, n - 1, 0, n, 0, Integer.MIN_VALUE, Integer.MAX_VALUE, new byte[n], 0);
            for (int i = 0; i < n; i++) {
                assertEquals(FixedPoint.multiplyByQuantizedMultiplier(acc[i], mult[i], shift[i]), out[i],
                        "acc=" + acc[i] + " mult=" + mult[i] + " shift=" + shift[i]);
            }
        }
        assertTrue(chosen > 0);
        // just past the bound: the 64-bit path runs
        int[] m = new int[n];
        java.util.Arrays.fill(m, Integer.MAX_VALUE);
        long[] over = new long[n];
        java.util.Arrays.fill(over, 1L << 21);
        int[] channelOf = new int[n];
        assertTrue(!new Requant(m, new int[n], n, channelOf, over, null, true).doubleOk);
    }

    /** requantizeFloats: float sums plus the bias, straight to clamped bytes, equal to the scalar path. */
    @Test
    void floatPathMatchesScalarExactly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Lanes.BITS >= 256, "the double path runs from 256 bits");
        Random r = new Random(44);
        int n = Lanes.N;
        for (int iter = 0; iter < 20_000; iter++) {
            int channels = 1 + r.nextInt(2 * n);
            int[] mult = new int[channels];
            int[] shift = new int[channels];
            int[] bias = new int[channels];
            long[] bound = new long[channels];
            for (int c = 0; c < channels; c++) {
                mult[c] = (1 << 30) + r.nextInt(1 << 30);
                shift[c] = r.nextInt(8) == 0 ? r.nextInt(3) : -r.nextInt(20);
                bias[c] = r.nextInt(20001) - 10000;
                bound[c] = (long) Math.floor((0x1p51 - 1) / mult[c]) >> Math.max(shift[c], 0);
            }
            Requant rq = Requant.rows(mult, shift, channels, bound, bias, true);
            assertTrue(rq.doubleOk);
            int len = 1 + r.nextInt(5 * n);
            int rowsLen = Lanes.roundUp(len, n);
            float[] sums = new float[rowsLen];
            int zp = r.nextInt(256) - 128;
            for (int j = 0; j < len; j++) {
                int c = j % channels;
                long limit = Math.min(bound[c] - Math.abs(bias[c]), 1 << 22);
                sums[j] = (float) (long) ((r.nextDouble() * 2 - 1) * limit);
            }
            byte[] out = new byte[len + 8];
            out[len] = 77; // must stay
            rq.requantizeFloats(sums, 0, len, 0, rq.slots, zp, -128, 127, new int[n], out, 0);
            for (int j = 0; j < len; j++) {
                int c = j % channels;
                int want = FixedPoint.multiplyByQuantizedMultiplier((int) sums[j] + bias[c], mult[c], shift[c]) + zp;
                assertEquals((byte) Math.min(127, Math.max(-128, want)), out[j], "j=" + j + " channel " + c);
            }
            assertEquals(77, out[len]);
        }
    }
}
