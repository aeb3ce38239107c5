/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.mul.MulParams;
import dev.ember4j.ops.common.Elem;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

import java.util.Objects;

import static dev.ember4j.simd.Lanes.B;
import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.N;

/**
 * Element-wise int8 MUL (both inputs and the output of one shape, as x * sigmoid(x) in SiLU): the products
 * {@code (x1 + offset1) * (x2 + offset2)} in int lanes (|product| &lt;= 255 * 255), requantized in chunks by
 * {@link Requant} with the reference kernel's double-rounding multiplier. Element ranges split for threads.
 */
final class MulVector implements OpKernel<MulParams>, RowSplit<MulParams> {
    /** Elements per requantization pass (bounded so the per-thread product buffer stays small). */
    private static final int CHUNK = 1024;

    private final Requant rq;
    /** Elements of the operator (its output shape's product, once). */
    private final int size;

    MulVector(MulParams p) {
        this.size = Math.toIntExact(p.macs());
        this.rq = Requant.rows(new int[] {p.multiplier()}, new int[] {p.shift()}, 1, new long[] {255L * 255});
    }

    /** Element-wise (no broadcasting) int8. */
    static boolean suits(MulParams p) {
        if (p.elem() != Elem.INT8) {
            return false;
        }
        int stride = 1;
        for (int d = 5; d >= 0; d--) {
            int n = p.outputShape()[d];
            if (n != 1 && (p.strides1()[d] != stride || p.strides2()[d] != stride)) {
                return false;
            }
            stride *= n;
        }
        return true;
    }

    /** Bytes one operator's kernel keeps. */
    static long bytes() {
        return Requant.bytes(N);
    }

    @Override
    public int scratchBytes(MulParams p) {
        return 0;
    }

    @Override
    public void prepare(MulParams p) {
        Work.get().iacc(CHUNK);
    }

    @Override
    public void run(MulParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        runRows(p, in, out, arena, scratch, 0, rows(p));
    }

    @Override
    public int rows(MulParams p) {
        return size;
    }

    @Override
    public void runRows(MulParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        Objects.checkFromIndexSize(in[0].start(), size, a.length);
        Objects.checkFromIndexSize(in[1].start(), size, b.length);
        Objects.checkFromIndexSize(out[0].start(), size, y.length);
        Objects.checkFromToIndex(from, to, size);
        int[] acc = Work.get().iacc(CHUNK);
        for (int at = from; at < to; at += CHUNK) {
            int len = Math.min(CHUNK, to - at);
            products(a, in[0].start() + at, p.input1Offset(), b, in[1].start() + at, p.input2Offset(), acc, len);
            rq.requantize(acc, 0, len, 0, rq.slots, p.outputOffset(), p.activationMin(), p.activationMax(), y,
                    out[0].start() + at);
        }
    }

    /** acc[j] = (a[ai + j] + offset1) * (b[bi + j] + offset2) for j &lt; len. */
    private static void products(byte[] a, int ai, int offset1, byte[] b, int bi, int offset2, int[] acc, int len) {
        int j = 0;
        IntVector o1 = IntVector.broadcast(I, offset1);
        IntVector o2 = IntVector.broadcast(I, offset2);
        for (int step = Math.max(N, B.length()); j <= len - step; j += N) { // B may load more bytes than N (128 bits)
            IntVector x1 = ((IntVector) ByteVector.fromArray(B, a, ai + j).convertShape(VectorOperators.B2I, I, 0)).add(o1);
            IntVector x2 = ((IntVector) ByteVector.fromArray(B, b, bi + j).convertShape(VectorOperators.B2I, I, 0)).add(o2);
            x1.mul(x2).intoArray(acc, j);
        }
        for (; j < len; j++) {
            acc[j] = (a[ai + j] + offset1) * (b[bi + j] + offset2);
        }
    }
}
