/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchmatmul;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BatchMatMulTest {

    private static OpContext ctx(int[] a, int[] b, int[] out, Integer... opts) {
        OpFixture f = new OpFixture();
        int l = f.tensor(TensorType.INT8, 0.05f, 2, a);
        int r = f.tensor(TensorType.INT8, 0.04f, -7, b);
        int o = f.tensor(TensorType.INT8, 0.3f, 5, out);
        return f.context(BuiltinOperator.BATCH_MATMUL, new int[] {l, r}, new int[] {o}, 101, OpFixture.options(opts));
    }

    @Test
    void kernelMatchesNumpyStyleReference() {
        Random rnd = new Random(17);
        for (int trial = 0; trial < 60; trial++) {
            int rankA = 2 + rnd.nextInt(4);
            int rankB = 2 + rnd.nextInt(4);
            int rank = Math.max(rankA, rankB);
            int[] batch = new int[rank - 2];
            int[] a = new int[rankA];
            int[] b = new int[rankB];
            for (int d = 0; d < rank - 2; d++) {
                batch[d] = 1 + rnd.nextInt(3);
            }
            for (int d = 0; d < rankA - 2; d++) {
                a[d] = rnd.nextInt(3) == 0 ? 1 : batch[d + rank - rankA];
            }
            for (int d = 0; d < rankB - 2; d++) {
                b[d] = rnd.nextInt(3) == 0 ? 1 : batch[d + rank - rankB];
            }
            int m = 1 + rnd.nextInt(4);
            int k = 1 + rnd.nextInt(5);
            int n = 1 + rnd.nextInt(4);
            boolean adjX = rnd.nextBoolean();
            boolean adjY = rnd.nextBoolean();
            a[rankA - 2] = adjX ? k : m;
            a[rankA - 1] = adjX ? m : k;
            b[rankB - 2] = adjY ? n : k;
            b[rankB - 1] = adjY ? k : n;
            if (adjX && rankA > 2 && rankB > 2 && b[rankB - 3] == 1) {
                b[rankB - 3] = 2; // the refused TFLite fold; keep a broadcastable shape
                if (batch[rankB - 3 + rank - rankB] != 2) {
                    continue;
                }
            }
            int[] outShape = new int[rank];
            for (int d = 0; d < rank - 2; d++) {
                int da = d - (rank - rankA) >= 0 ? a[d - (rank - rankA)] : 1;
                int db = d - (rank - rankB) >= 0 ? b[d - (rank - rankB)] : 1;
                outShape[d] = Math.max(da, db);
            }
            outShape[rank - 2] = m;
            outShape[rank - 1] = n;
            Prepared prep = new BatchMatMulOp().prepare(ctx(a, b, outShape, adjX ? 1 : 0, adjY ? 1 : 0));
            BatchMatMulParams p = (BatchMatMulParams) prep.params();
            byte[] x = new byte[count(a)];
            byte[] y = new byte[count(b)];
            rnd.nextBytes(x);
            rnd.nextBytes(y);
            byte[] arena = new byte[1 + count(outShape)];
            BatchMatMulKernel.run(p, new Slot[] {Slot.constant(x), Slot.constant(y)}, new Slot[] {Slot.arena(1)},
                    arena, new byte[0]);
            int[] idx = new int[rank];
            for (int flat = 0; flat < count(outShape); flat++) {
                int rem = flat;
                for (int d = rank - 1; d >= 0; d--) {
                    idx[d] = rem % outShape[d];
                    rem /= outShape[d];
                }
                int total = 0;
                for (int kk = 0; kk < k; kk++) {
                    int i = idx[rank - 2];
                    int j = idx[rank - 1];
                    int va = x[offset(a, idx, rank, adjX ? kk : i, adjX ? i : kk)];
                    int vb = y[offset(b, idx, rank, adjY ? j : kk, adjY ? kk : j)];
                    total += (va - 2) * (vb + 7);
                }
                int q = FixedPoint.multiplyByQuantizedMultiplier(total, p.multiplier(), p.shift()) + 5;
                assertEquals((byte) Math.max(-128, Math.min(127, q)), arena[1 + flat], "trial " + trial);
            }
        }
    }

    private static int count(int[] s) {
        int n = 1;
        for (int d : s) {
            n *= d;
        }
        return n;
    }

    /** Row-major offset in a tensor of shape s (right-aligned batch dims, size-1 dims broadcast). */
    private static int offset(int[] s, int[] outIdx, int rank, int r, int c) {
        int off = 0;
        for (int d = 0; d < s.length - 2; d++) {
            int i = s[d] == 1 ? 0 : outIdx[d + rank - s.length];
            off = off * s[d] + i;
        }
        return (off * s[s.length - 2] + r) * s[s.length - 1] + c;
    }

    @Test
    void prepareShapesAndRefusals() {
        Prepared p = new BatchMatMulOp().prepare(ctx(new int[] {2, 1, 3, 4}, new int[] {5, 4, 6},
                new int[] {2, 5, 3, 6}));
        BatchMatMulParams bp = (BatchMatMulParams) p.params();
        assertArrayEquals(new int[] {2, 5, 1}, new int[] {bp.batch()[0] == 1 ? 2 : bp.batch()[1], bp.batch()[2], 1});
        assertArrayEquals(new int[] {0, 1}, p.dataInputs());
        assertArrayEquals(new int[] {0, 12, 0}, bp.lhsBatchStrides());
        assertArrayEquals(new int[] {0, 0, 24}, bp.rhsBatchStrides());
        BatchMatMulOp op = new BatchMatMulOp();
        // inner dimensions
        assertThrows(ModelFormatException.class,
                () -> op.prepare(ctx(new int[] {3, 4}, new int[] {5, 6}, new int[] {3, 6})));
        // batch dims that do not broadcast
        assertThrows(ModelFormatException.class,
                () -> op.prepare(ctx(new int[] {2, 3, 4}, new int[] {3, 4, 6}, new int[] {3, 3, 6})));
        // wrong output shape
        assertThrows(ModelFormatException.class,
                () -> op.prepare(ctx(new int[] {3, 4}, new int[] {4, 6}, new int[] {6, 3})));
        // rank 6
        assertThrows(ModelFormatException.class, () -> op.prepare(ctx(new int[] {1, 1, 1, 1, 3, 4},
                new int[] {4, 6}, new int[] {1, 1, 1, 1, 3, 6})));
        // the adj_x fold TFLite computes wrongly
        assertThrows(UnsupportedOperatorException.class, () -> op.prepare(ctx(new int[] {3, 4, 3},
                new int[] {1, 4, 5}, new int[] {3, 3, 5}, 1, 0)));
    }
}
