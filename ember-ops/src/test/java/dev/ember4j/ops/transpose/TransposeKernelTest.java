/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transpose;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.Boxes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class TransposeKernelTest {

    /** Output element at multi-index o is the input element whose axis perm[i] has index o[i]. */
    static byte[] slow(byte[] x, int[] shape, int[] perm, int w) {
        int[] outShape = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            outShape[i] = shape[perm[i]];
        }
        int n = Boxes.count(outShape);
        byte[] y = new byte[n * w];
        for (int f = 0; f < n; f++) {
            int[] o = Boxes.unflatten(f, outShape);
            int[] src = new int[shape.length];
            for (int i = 0; i < perm.length; i++) {
                src[perm[i]] = o[i];
            }
            Boxes.copyElement(x, Boxes.flatten(src, shape), y, f, w);
        }
        return y;
    }

    static int[] randomPerm(Random r, int rank) {
        int[] p = new int[rank];
        for (int i = 0; i < rank; i++) {
            p[i] = i;
        }
        for (int i = rank - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Test
    void randomTransposesMatchTheSlowOne() {
        Random r = new Random(11);
        for (int iter = 0; iter < 600; iter++) {
            int rank = r.nextInt(7);
            int[] shape = Boxes.randomShape(r, rank, 4);
            int[] perm = randomPerm(r, rank);
            int w = Boxes.WIDTHS[r.nextInt(3)];
            int bytes = Boxes.count(shape) * w;
            byte[] x = new byte[bytes];
            r.nextBytes(x);
            int inOff = r.nextInt(9);
            int outOff = inOff + bytes + r.nextInt(9);
            byte[] arena = Boxes.arena(r, outOff + bytes + 5, x, inOff);
            TransposeParams p = new TransposeParams(TransposeOp.plan(w, shape, perm));
            TransposeKernel.run(p, new Slot[] {Slot.arena(inOff)}, new Slot[] {Slot.arena(outOff)}, arena, new byte[0]);
            assertArrayEquals(slow(x, shape, perm, w), Arrays.copyOfRange(arena, outOff, outOff + bytes),
                    "shape " + Arrays.toString(shape) + " perm " + Arrays.toString(perm) + " width " + w);
        }
    }

    @Test
    void constantInputIsReadFromItsOwnArray() {
        byte[] x = {1, 2, 3, 4, 5, 6};
        byte[] arena = new byte[6];
        TransposeParams p = new TransposeParams(TransposeOp.plan(1, new int[] {2, 3}, new int[] {1, 0}));
        TransposeKernel.run(p, new Slot[] {Slot.constant(x)}, new Slot[] {Slot.arena(0)}, arena, new byte[0]);
        assertArrayEquals(new byte[] {1, 4, 2, 5, 3, 6}, arena);
    }

    @Test
    void permChecksFollowTflite() {
        assertNull(TransposeOp.checkPerm(new int[] {0, -1, 1}, 3)); // negative entries count from the end
        assertArrayEquals(new int[] {0, 2, 1}, TransposeOp.normalize(new int[] {0, -1, 1}));
        assertNotNull(TransposeOp.checkPerm(new int[] {0, 3, 1}, 3));
        assertNotNull(TransposeOp.checkPerm(new int[] {0, -4, 1}, 3));
        assertNotNull(TransposeOp.checkPerm(new int[] {0, 1}, 3));
        assertEquals(true, TransposeOp.repeats(new int[] {0, 0, 1}));
        assertEquals(false, TransposeOp.repeats(new int[] {2, 0, 1}));
    }
}
