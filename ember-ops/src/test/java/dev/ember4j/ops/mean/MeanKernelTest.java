/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mean;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.reduce.Reduction;
import dev.ember4j.ops.reduce.SlowReduce;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeanKernelTest {

    /** TFLite 2.21 reference QuantizedMeanOrSum (compute_sum false) written out directly. */
    static byte slowMean(byte[] x, List<Integer> group, float inScale, int inZp, float outScale, int outZp) {
        QuantizedMultiplier q = QuantizedMultiplier.of((double) inScale / (double) outScale);
        long n = group.size();
        int log2 = 0;
        while ((n >> (log2 + 1)) != 0) {
            log2++;
        }
        int s = Math.min(Math.min(log2, 32), 31 + q.shift());
        int m = (int) (((long) q.multiplier() << s) / n);
        int sum = 0;
        for (int i : group) {
            sum += x[i];
        }
        int shifted = (int) ((long) sum - (long) inZp * n);
        int r = SlowReduce.mbqm(shifted, m, q.shift() - s) + outZp;
        return (byte) Math.max(-128, Math.min(127, r));
    }

    @Test
    void randomizedAgainstSlowFormula() {
        Random rnd = new Random(42);
        for (int t = 0; t < 400; t++) {
            int[] shape = SlowReduce.randomShape(rnd);
            int[] axes = SlowReduce.randomAxes(rnd, shape.length);
            boolean keep = rnd.nextBoolean();
            Reduction r = Reduction.of(shape, axes, keep);
            float inScale = (float) Math.exp(rnd.nextGaussian() * 2 - 4);
            float outScale = rnd.nextInt(4) == 0 ? inScale : (float) Math.exp(rnd.nextGaussian() * 2 - 4);
            int inZp = rnd.nextInt(256) - 128;
            int outZp = rnd.nextInt(256) - 128;
            MeanParams p = MeanOp.params(r, inScale, inZp, outScale, outZp);
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            byte[] arena = new byte[n + 1 + r.outputCount()];
            if (rnd.nextInt(5) == 0) {
                for (int i = 0; i < n; i++) {
                    arena[i] = (byte) (rnd.nextBoolean() ? -128 : 127);
                }
            } else {
                rnd.nextBytes(arena);
            }
            byte[] scratch = new byte[p.scratchBytes() + 8];
            rnd.nextBytes(scratch); // the kernel must not rely on zeroed scratch
            MeanKernel.run(p, new Slot[] {Slot.arena(0)}, new Slot[] {Slot.arena(n + 1)}, arena, scratch);
            List<List<Integer>> g = SlowReduce.groups(shape, axes);
            for (int o = 0; o < g.size(); o++) {
                assertEquals(slowMean(arena, g.get(o), inScale, inZp, outScale, outZp), arena[n + 1 + o],
                        "case " + t + " output " + o);
            }
        }
    }

    @Test
    void foldedMultiplierApproximatesDivision() {
        Random rnd = new Random(3);
        for (int t = 0; t < 1000; t++) {
            double real = Math.exp(rnd.nextGaussian() * 3);
            int count = 1 + rnd.nextInt(100000);
            QuantizedMultiplier q = QuantizedMultiplier.of(real);
            int[] f = MeanOp.fold(q.multiplier(), q.shift(), count);
            double got = f[0] * Math.pow(2, f[1] - 31);
            assertTrue(Math.abs(got - real / count) <= real / count * 1e-6 + Math.pow(2, f[1] - 31),
                    real + "/" + count + " -> " + got);
            assertTrue(f[1] >= -31 || f[0] == 0);
        }
    }

    /** The hand-checked global average of conformance case mean_hw_keepdims pair 1 (channels 0, 6 differ from the old 4-D kernel). */
    @Test
    void globalAverageRoundsLikeQuantizedMeanOrSum() {
        // one channel, 36 values: 35 x -43 (the zero point) and one value v; mean = (v+43)/36 * scale ratio
        Reduction r = Reduction.of(new int[] {1, 6, 6, 1}, new int[] {1, 2}, true);
        assertArrayEquals(new int[] {1, 1, 1, 1}, r.outputShape());
        MeanParams p = MeanOp.params(r, 0.011763888f, -43, 0.0035770636f, -128);
        byte[] arena = new byte[37];
        java.util.Arrays.fill(arena, (byte) -43);
        for (int v = -128; v <= 127; v++) {
            arena[0] = (byte) v;
            MeanKernel.run(p, new Slot[] {Slot.arena(0)}, new Slot[] {Slot.arena(36)}, arena, new byte[4]);
            List<Integer> g = SlowReduce.groups(new int[] {1, 6, 6, 1}, new int[] {1, 2}).get(0);
            byte[] x = java.util.Arrays.copyOf(arena, 36);
            assertEquals(slowMean(x, g, 0.011763888f, -43, 0.0035770636f, -128), arena[36]);
        }
    }
}
