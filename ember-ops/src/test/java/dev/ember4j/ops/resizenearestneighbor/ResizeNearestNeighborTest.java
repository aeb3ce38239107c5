/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resizenearestneighbor;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpFixture;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ResizeNearestNeighborTest {

    @Test
    void sourceIndicesOfKnownCases() {
        assertArrayEquals(new int[] {0, 0, 1, 1}, ResizeNearestNeighborOp.indices(2, 4, false, false));
        // align_corners rounds half away from zero: positions 0, 0.5, 1, 1.5, 2
        assertArrayEquals(new int[] {0, 1, 1, 2, 2}, ResizeNearestNeighborOp.indices(3, 5, true, false));
        // half_pixel_centers: floor((i + 0.5) * 0.5)
        assertArrayEquals(new int[] {0, 0, 1, 1}, ResizeNearestNeighborOp.indices(2, 4, false, true));
        // downscale 5 -> 2: floor(i * 2.5)
        assertArrayEquals(new int[] {0, 2}, ResizeNearestNeighborOp.indices(5, 2, false, false));
        // align_corners with one output falls back to in/out
        assertArrayEquals(new int[] {0}, ResizeNearestNeighborOp.indices(4, 1, true, false));
    }

    @Test
    void kernelMatchesPerElementReference() {
        Random r = new Random(5);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + r.nextInt(2);
            int h = 1 + r.nextInt(6);
            int w = 1 + r.nextInt(6);
            int c = 1 + r.nextInt(3);
            int oh = 1 + r.nextInt(9);
            int ow = 1 + r.nextInt(9);
            boolean ac = r.nextBoolean();
            boolean hp = !ac && r.nextBoolean();
            int elem = r.nextBoolean() ? 1 : 2; // int8 or int16 bytes
            byte[] x = new byte[n * h * w * c * elem];
            r.nextBytes(x);
            ResizeNearestNeighborParams p = new ResizeNearestNeighborParams(n, h, w, c * elem,
                    ResizeNearestNeighborOp.indices(h, oh, ac, hp), ResizeNearestNeighborOp.indices(w, ow, ac, hp));
            byte[] arena = new byte[7 + n * oh * ow * c * elem];
            ResizeNearestNeighborKernel.run(p, new Slot[] {Slot.constant(x)}, new Slot[] {Slot.arena(7)}, arena,
                    new byte[0]);
            for (int b = 0; b < n; b++) {
                for (int yy = 0; yy < oh; yy++) {
                    for (int xx = 0; xx < ow; xx++) {
                        int sy = slowNearest(yy, h, oh, ac, hp);
                        int sx = slowNearest(xx, w, ow, ac, hp);
                        for (int k = 0; k < c * elem; k++) {
                            assertEquals(x[((b * h + sy) * w + sx) * c * elem + k],
                                    arena[7 + ((b * oh + yy) * ow + xx) * c * elem + k]);
                        }
                    }
                }
            }
        }
    }

    /** Written from the definition: float scale, float position, round or floor, clamp. */
    private static int slowNearest(int i, int in, int out, boolean ac, boolean hp) {
        float scale = ac && out > 1 ? (float) (in - 1) / (float) (out - 1) : (float) in / (float) out;
        float pos = (i + (hp ? 0.5f : 0f)) * scale;
        int v = ac ? Math.round(pos) : (int) Math.floor(pos); // pos >= 0: Math.round is half away from zero
        return Math.max(0, Math.min(v, in - 1));
    }

    private static OpContext ctx(TensorType type, int[] size, boolean constantSize, int[] outShape, Integer... opts) {
        OpFixture f = new OpFixture();
        int in = f.tensor(type, 0.1f, 0, 1, 3, 4, 2);
        int s = constantSize ? f.int32Constant(size, size.length) : f.tensor(TensorType.INT32, 0f, 0, size.length);
        int out = f.tensor(type, 0.1f, 0, outShape);
        return f.context(BuiltinOperator.RESIZE_NEAREST_NEIGHBOR, new int[] {in, s}, new int[] {out}, 74,
                OpFixture.options(opts));
    }

    @Test
    void preparesFromOptionsAndSize() {
        Prepared p = new ResizeNearestNeighborOp().prepare(ctx(TensorType.INT8, new int[] {6, 2}, true,
                new int[] {1, 6, 2, 2}, 1, 0));
        ResizeNearestNeighborParams rp = (ResizeNearestNeighborParams) p.params();
        assertArrayEquals(ResizeNearestNeighborOp.indices(3, 6, true, false), rp.rowIndex());
        assertArrayEquals(new int[] {0, 3}, rp.columnIndex());
        assertEquals(2, rp.pixelBytes());
        assertArrayEquals(new int[] {0}, p.dataInputs());
    }

    @Test
    void refusals() {
        ResizeNearestNeighborOp op = new ResizeNearestNeighborOp();
        assertThrows(UnsupportedOperatorException.class, () -> op.prepare(ctx(TensorType.INT8, new int[] {6, 2},
                false, new int[] {1, 6, 2, 2})));
        assertThrows(ModelFormatException.class, () -> op.prepare(ctx(TensorType.INT8, new int[] {6, 2, 1}, true,
                new int[] {1, 6, 2, 2})));
        assertThrows(ModelFormatException.class, () -> op.prepare(ctx(TensorType.INT8, new int[] {-1, 2}, true,
                new int[] {1, 1, 2, 2})));
        assertThrows(ModelFormatException.class, () -> op.prepare(ctx(TensorType.INT8, new int[] {6, 2}, true,
                new int[] {1, 6, 3, 2})));
        assertThrows(UnsupportedOperatorException.class, () -> op.prepare(ctx(TensorType.INT32, new int[] {6, 2},
                true, new int[] {1, 6, 2, 2})));
    }
}
