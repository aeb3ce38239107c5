/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.pad;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.Boxes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class PadKernelTest {

    /** Each output element: the input element when inside the box, else the pad value. */
    static byte[] slow(byte[] x, int[] shape, int[] paddings, byte[] pad, int w) {
        int[] outShape = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            outShape[i] = shape[i] + paddings[2 * i] + paddings[2 * i + 1];
        }
        int n = Boxes.count(outShape);
        byte[] y = new byte[n * w];
        for (int f = 0; f < n; f++) {
            int[] o = Boxes.unflatten(f, outShape);
            boolean inside = true;
            int[] src = new int[shape.length];
            for (int i = 0; i < shape.length; i++) {
                src[i] = o[i] - paddings[2 * i];
                inside &= src[i] >= 0 && src[i] < shape[i];
            }
            if (inside) {
                Boxes.copyElement(x, Boxes.flatten(src, shape), y, f, w);
            } else {
                System.arraycopy(pad, 0, y, f * w, w);
            }
        }
        return y;
    }

    @Test
    void randomPaddingsMatchTheSlowOne() {
        Random r = new Random(5);
        for (int iter = 0; iter < 600; iter++) {
            int rank = 1 + r.nextInt(PadPrepare.MAX_RANK);
            int[] shape = Boxes.randomShape(r, rank, 4);
            int[] paddings = new int[2 * rank];
            for (int i = 0; i < paddings.length; i++) {
                paddings[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(4);
            }
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] pad = new byte[w];
            r.nextBytes(pad);
            byte[] x = new byte[Boxes.count(shape) * w];
            r.nextBytes(x);
            byte[] expected = slow(x, shape, paddings, pad, w);
            int inOff = r.nextInt(9);
            int outOff = inOff + x.length + r.nextInt(9);
            byte[] arena = Boxes.arena(r, outOff + expected.length + 5, x, inOff);
            byte[] before = arena.clone();
            PadParams p = PadPrepare.params(w, shape, paddings, pad);
            PadKernel.run(p, new Slot[] {Slot.arena(inOff)}, new Slot[] {Slot.arena(outOff)}, arena, new byte[0]);
            String what = "shape " + Arrays.toString(shape) + " paddings " + Arrays.toString(paddings) + " width " + w;
            assertArrayEquals(expected, Arrays.copyOfRange(arena, outOff, outOff + expected.length), what);
            // nothing outside the output is touched
            assertArrayEquals(Arrays.copyOfRange(before, 0, outOff), Arrays.copyOfRange(arena, 0, outOff), what);
            assertArrayEquals(Arrays.copyOfRange(before, outOff + expected.length, arena.length),
                    Arrays.copyOfRange(arena, outOff + expected.length, arena.length), what);
        }
    }

    @Test
    void outputSizeOverflowIsRefused() {
        assertNull(PadPrepare.outputShape(new int[] {2}, new int[] {Integer.MAX_VALUE, 0}));
        assertNull(PadPrepare.outputShape(new int[] {60000, 60000}, new int[] {0, 0, 0, 0}));
    }
}
