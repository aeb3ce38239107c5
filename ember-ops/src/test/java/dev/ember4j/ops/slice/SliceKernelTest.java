/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.slice;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.Boxes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SliceKernelTest {

    @Test
    void randomSlicesMatchTheSlowOne() {
        Random r = new Random(9);
        for (int iter = 0; iter < 600; iter++) {
            int rank = r.nextInt(SliceOp.MAX_RANK + 1);
            int[] shape = Boxes.randomShape(r, rank, 5);
            int[] begin = new int[rank];
            int[] size = new int[rank];
            for (int i = 0; i < rank; i++) {
                begin[i] = r.nextInt(shape[i]);
                size[i] = r.nextInt(3) == 0 ? -1 : 1 + r.nextInt(shape[i] - begin[i]);
            }
            int[] outShape = SliceOp.outputShape(shape, begin, size);
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] x = new byte[Boxes.count(shape) * w];
            r.nextBytes(x);
            int n = Boxes.count(outShape);
            byte[] expected = new byte[n * w];
            for (int f = 0; f < n; f++) {
                int[] o = Boxes.unflatten(f, outShape);
                int[] src = new int[rank];
                for (int i = 0; i < rank; i++) {
                    src[i] = begin[i] + o[i];
                }
                Boxes.copyElement(x, Boxes.flatten(src, shape), expected, f, w);
            }
            int inOff = r.nextInt(9);
            int outOff = inOff + x.length + r.nextInt(9);
            byte[] arena = Boxes.arena(r, outOff + expected.length + 5, x, inOff);
            SliceKernel.run(SliceOp.params(w, shape, begin, outShape), new Slot[] {Slot.arena(inOff)},
                    new Slot[] {Slot.arena(outOff)}, arena, new byte[0]);
            assertArrayEquals(expected, Arrays.copyOfRange(arena, outOff, outOff + expected.length),
                    Arrays.toString(shape) + " begin " + Arrays.toString(begin) + " size " + Arrays.toString(size));
        }
    }

    @Test
    void boundsFollowTflite() {
        assertArrayEquals(new int[] {3, 1}, SliceOp.outputShape(new int[] {4, 3}, new int[] {1, 2}, new int[] {-1, 1}));
        assertNull(SliceOp.outputShape(new int[] {4}, new int[] {2}, new int[] {3}));
        assertNull(SliceOp.outputShape(new int[] {4}, new int[] {0}, new int[] {-2}));
        assertNull(SliceOp.outputShape(new int[] {4}, new int[] {-1}, new int[] {1}));
    }
}
