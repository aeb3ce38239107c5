/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.sum;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.reduce.Reduction;
import dev.ember4j.ops.reduce.SlowReduce;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SumKernelTest {

    @Test
    void randomizedAgainstSlowUint8Formula() {
        Random rnd = new Random(11);
        for (int t = 0; t < 300; t++) {
            int[] shape = SlowReduce.randomShape(rnd);
            int[] axes = SlowReduce.randomAxes(rnd, shape.length);
            Reduction r = Reduction.of(shape, axes, rnd.nextBoolean());
            float inScale = (float) Math.exp(rnd.nextGaussian() - 4);
            float outScale = (float) Math.exp(rnd.nextGaussian() - 1);
            int inZp = rnd.nextInt(256) - 128;
            int outZp = rnd.nextInt(256) - 128;
            SumParams p = SumOp.params(r, inScale, inZp, outScale, outZp);
            QuantizedMultiplier q = QuantizedMultiplier.of((double) inScale / (double) outScale);
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            byte[] arena = new byte[n + r.outputCount()];
            rnd.nextBytes(arena);
            byte[] scratch = new byte[p.scratchBytes()];
            rnd.nextBytes(scratch);
            SumKernel.run(p, new Slot[] {Slot.arena(0)}, new Slot[] {Slot.arena(n)}, arena, scratch);
            List<List<Integer>> g = SlowReduce.groups(shape, axes);
            for (int o = 0; o < g.size(); o++) {
                long sum = 0;
                for (int i : g.get(o)) {
                    sum += Byte.toUnsignedInt(arena[i]);
                }
                int v = SlowReduce.mbqm((int) (sum - (long) inZp * g.get(o).size()), q.multiplier(), q.shift()) + outZp;
                assertEquals((byte) Math.max(0, Math.min(255, v)), arena[n + o], "case " + t + " output " + o);
            }
        }
    }

    /** tensorflow/tensorflow issue 102490: int8 [1,128] of 2s summed by the reference kernel gives -1, i.e. 255. */
    @Test
    void reproducesTheUint8Clamp() {
        Reduction r = Reduction.of(new int[] {1, 128}, new int[] {1}, false);
        SumParams p = SumOp.params(r, 1f, 0, 1f / 1.0001f, 0);
        byte[] arena = new byte[129];
        java.util.Arrays.fill(arena, 0, 128, (byte) 2);
        SumKernel.run(p, new Slot[] {Slot.arena(0)}, new Slot[] {Slot.arena(128)}, arena, new byte[4]);
        assertEquals(-1, arena[128]);
    }
}
