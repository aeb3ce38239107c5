/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gather;

import dev.ember4j.ops.copy.Boxes;
import dev.ember4j.ops.moves.Run;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class GatherParamsTest {

    @Test
    void matchesTheSlowGatherWithBatchDims() {
        Random r = new Random(7);
        for (int iter = 0; iter < 300; iter++) {
            int rank = 1 + r.nextInt(4);
            int[] shape = Boxes.randomShape(r, rank, 4);
            int axis = r.nextInt(rank);
            int batchDims = r.nextInt(axis + 1);
            int[] pShape = new int[batchDims + r.nextInt(3)];
            for (int i = 0; i < pShape.length; i++) {
                pShape[i] = i < batchDims ? shape[i] : 1 + r.nextInt(3);
            }
            int[] idx = new int[Boxes.count(pShape)];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = r.nextInt(shape[axis]);
            }
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] x = Run.random(r, Boxes.count(shape) * w);
            int[] outShape = GatherOp.outputShape(shape, pShape, axis, batchDims);
            int batch = 1, outer = 1, inner = 1;
            for (int i = 0; i < rank; i++) {
                if (i < batchDims) {
                    batch *= shape[i];
                } else if (i < axis) {
                    outer *= shape[i];
                } else if (i > axis) {
                    inner *= shape[i];
                }
            }
            GatherParams p = GatherOp.params(w, batch, outer, shape[axis], inner, idx);
            int n = Boxes.count(outShape);
            byte[] y = Run.run(r, (in, out, a) -> GatherKernel.run(p, in, out, a, null), new byte[][] {x}, n * w)[0];
            byte[] e = new byte[n * w];
            int pr = pShape.length - batchDims;
            for (int f = 0; f < n; f++) {
                int[] o = Boxes.unflatten(f, outShape);
                int[] pi = new int[pShape.length];
                for (int i = 0; i < batchDims; i++) {
                    pi[i] = o[i];
                }
                for (int i = 0; i < pr; i++) {
                    pi[batchDims + i] = o[axis + i];
                }
                int[] src = new int[rank];
                for (int i = 0; i < axis; i++) {
                    src[i] = o[i];
                }
                src[axis] = idx[Boxes.flatten(pi, pShape)];
                for (int i = axis + 1; i < rank; i++) {
                    src[i] = o[i - 1 + pr];
                }
                Boxes.copyElement(x, Boxes.flatten(src, shape), e, f, w);
            }
            assertArrayEquals(e, y);
        }
    }
}
