/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.concatenation;

import dev.ember4j.core.ops.Slot;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConcatenationKernelTest {

    @Test
    void randomizedAgainstIndexMapping() {
        Random rnd = new Random(5);
        for (int t = 0; t < 300; t++) {
            int rank = 1 + rnd.nextInt(5);
            int axisOption = rnd.nextInt(2 * rank) - rank; // negative axes too
            int axis = axisOption < 0 ? axisOption + rank : axisOption;
            int[] base = new int[rank];
            for (int d = 0; d < rank; d++) {
                base[d] = 1 + rnd.nextInt(4);
            }
            int inputs = 1 + rnd.nextInt(4);
            int[] axisSizes = new int[inputs];
            int[] starts = new int[inputs];
            int[] outShape = base.clone();
            outShape[axis] = 0;
            int pos = 7; // inputs start at an offset in the arena
            int other = 1;
            for (int d = 0; d < rank; d++) {
                other *= d == axis ? 1 : base[d];
            }
            for (int i = 0; i < inputs; i++) {
                axisSizes[i] = 1 + rnd.nextInt(4);
                outShape[axis] += axisSizes[i];
                starts[i] = pos;
                pos += other * axisSizes[i] + rnd.nextInt(3);
            }
            int outCount = other * outShape[axis];
            int outStart = pos;
            byte[] arena = new byte[pos + outCount];
            rnd.nextBytes(arena);
            Slot[] in = new Slot[inputs];
            for (int i = 0; i < inputs; i++) {
                in[i] = Slot.arena(starts[i]);
            }
            ConcatenationKernel.run(ConcatenationOp.params(outShape, axis, axisSizes, 1), in,
                    new Slot[] {Slot.arena(outStart)}, arena, new byte[0]);
            int[] idx = new int[rank];
            for (int o = 0; o < outCount; o++) {
                int rem = o;
                for (int d = rank - 1; d >= 0; d--) {
                    idx[d] = rem % outShape[d];
                    rem /= outShape[d];
                }
                int which = 0;
                int a = idx[axis];
                while (a >= axisSizes[which]) {
                    a -= axisSizes[which++];
                }
                int flat = 0;
                for (int d = 0; d < rank; d++) {
                    int dim = d == axis ? axisSizes[which] : outShape[d];
                    flat = flat * dim + (d == axis ? a : idx[d]);
                }
                assertEquals(arena[starts[which] + flat], arena[outStart + o], "case " + t + " element " + o);
            }
        }
    }
}
