/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import static dev.ember4j.simd.Int16KernelsTest.activation;
import static dev.ember4j.simd.Int16KernelsTest.shorts;
import static dev.ember4j.simd.RegistryKernelsTest.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.add.AddQuantizedKernel;
import dev.ember4j.ops.add.AddQuantizedParams;
import dev.ember4j.ops.common.Elem;
import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The simd backend's element-wise int16 ADD against the reference kernel: the general path with
 * random input and output scales (multipliers formed as AddOp forms them) and the power-of-two path
 * with every shift, random activation ranges, extreme inputs, element-wise and broadcasting.
 */
class Int16AddTest {
    private static final long SEED = Long.getLong("ember.seed", 0xADDL);

    /** A rank-6 shape of count elements and its dense strides: {shape, strides}. */
    private static int[][] dense(Random r, int count) {
        int inner = 1 + r.nextInt(Math.min(count, 64));
        while (count % inner != 0) {
            inner--;
        }
        int[] shape = {1, 1, 1, 1, count / inner, inner};
        return new int[][] {shape, {0, 0, 0, 0, inner, 1}};
    }

    private static AddQuantizedParams general(Random r, int[] shape, int[] s1, int[] s2) {
        double scale1 = Math.pow(2, r.nextInt(16) - 20) * (0.5 + r.nextDouble());
        double scale2 = r.nextInt(4) == 0 ? scale1 : Math.pow(2, r.nextInt(16) - 20) * (0.5 + r.nextDouble());
        double twiceMax = 2 * Math.max(scale1, scale2);
        // output scale above twiceMax / 2^15 (the output multiplier is below one)
        double scaleOut = twiceMax / 32768 * Math.pow(2, 1 + r.nextInt(16)) * (0.5 + r.nextDouble());
        QuantizedMultiplier q1 = QuantizedMultiplier.of(scale1 / twiceMax);
        QuantizedMultiplier q2 = QuantizedMultiplier.of(scale2 / twiceMax);
        QuantizedMultiplier qo = QuantizedMultiplier.of(twiceMax / (32768 * scaleOut));
        int[] act = activation(r);
        int zp = r.nextInt(5) == 0 ? r.nextInt(201) - 100 : 0;
        return new AddQuantizedParams(Elem.INT16, shape, s1, s2, 0, 0, zp, 15, q1.multiplier(), q1.shift(),
                q2.multiplier(), q2.shift(), qo.multiplier(), qo.shift(), act[0], act[1], false, 0, 0);
    }

    private static AddQuantizedParams pot(Random r, int[] shape, int[] s) {
        int e1 = r.nextInt(4) == 0 ? 31 - r.nextInt(3) : r.nextInt(16);
        int e2 = r.nextInt(3) == 0 ? 0 : r.nextInt(32);
        if (r.nextBoolean()) {
            int t = e1;
            e1 = e2;
            e2 = t;
        }
        int[] act = activation(r);
        return new AddQuantizedParams(Elem.INT16, shape, s, s, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, act[0], act[1], true,
                e1, e2);
    }

    @Test
    void elementwise() {
        Random r = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            int count = 1 + r.nextInt(r.nextBoolean() ? 70 : 6000);
            int[][] g = dense(r, count);
            boolean pot = i % 3 == 0;
            AddQuantizedParams p = pot ? pot(r, g[0], g[1]) : general(r, g[0], g[1], g[1]);
            String what = "seed " + SEED + " add case " + i + " count " + count + (pot ? " pot " + p.potShift1() + ","
                    + p.potShift2() : " general " + p.input1Multiplier() + ">>" + p.input1Shift() + " "
                    + p.input2Multiplier() + ">>" + p.input2Shift() + " " + p.outputMultiplier() + ">>" + p.outputShift())
                    + " act " + p.activationMin() + ".." + p.activationMax();
            BoundKernel<AddQuantizedParams> chosen = same(p, AddQuantizedKernel.KERNEL, 2 * count, r, what,
                    shorts(r, count), shorts(r, count));
            assertEquals("simd/Int16Add", chosen.describe(), what);
        }
    }

    /** Broadcasting on random dimensions (the general path; TFLite's power-of-two path does not broadcast). */
    @Test
    void broadcast() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < 200; i++) {
            int[][] g = RegistryKernelsTest.broadcast(r);
            AddQuantizedParams p = general(r, g[0], g[1], g[2]);
            String what = "seed " + (SEED + 2) + " broadcast add case " + i + " " + java.util.Arrays.toString(g[3]) + " + "
                    + java.util.Arrays.toString(g[4]);
            int count = RegistryKernelsTest.count(g[0]);
            BoundKernel<AddQuantizedParams> chosen = same(p, AddQuantizedKernel.KERNEL, 2 * count, r, what,
                    shorts(r, RegistryKernelsTest.count(g[3])), shorts(r, RegistryKernelsTest.count(g[4])));
            assertEquals("simd/Int16Add", chosen.describe(), what);
        }
    }

    @Test
    void uint8StaysOnTheReferenceKernel() {
        int[] shape = {1, 1, 1, 1, 4, 8};
        int[] dense = {0, 0, 0, 0, 8, 1};
        AddQuantizedParams uint8 = new AddQuantizedParams(Elem.UINT8, shape, dense, dense, -128, -128, 128, 20,
                1 << 30, -1, 1 << 30, -1, 1 << 30, -10, 0, 255, false, 0, 0);
        assertTrue(new SimdBackend().bind(uint8, AddQuantizedKernel.KERNEL).isReference());
    }
}
